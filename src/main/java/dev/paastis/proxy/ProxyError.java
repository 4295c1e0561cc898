package dev.paastis.proxy;

import dev.paastis.config.Durations;
import dev.paastis.lifecycle.AppNotFoundException;
import dev.paastis.lifecycle.NotProxiableException;
import dev.paastis.lifecycle.StartFailedException;
import dev.paastis.lifecycle.WakeTimeoutException;
import dev.paastis.provider.CredentialsRejectedException;
import dev.paastis.provider.ProviderException;
import dev.paastis.provider.UnknownAppException;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Optional;

/**
 * A failure the proxy answers itself, mapped in this one place from the domain exceptions.
 *
 * @param status the HTTP status
 * @param title a short summary
 * @param detail what happened, naming the app
 * @param app the app concerned, if any
 * @param retryAfterSeconds sent as Retry-After when present
 */
record ProxyError(
    int status,
    String title,
    String detail,
    Optional<String> app,
    Optional<Integer> retryAfterSeconds) {

  static final int RETRY_AFTER_SECONDS = 5;

  /** The problem+json body (RFC 9457), with an {@code app} member when there is one. */
  JsonObject problem() {
    JsonObject problem =
        new JsonObject()
            .put("type", "about:blank")
            .put("title", title)
            .put("status", status)
            .put("detail", detail);
    app.ifPresent(name -> problem.put("app", name));
    return problem;
  }

  static ProxyError missingHost() {
    return new ProxyError(
        400,
        "Missing Host header",
        "Paastis routes on the Host header: its first label names the app"
            + " (e.g. Host: my-app.proxy.example.com)",
        Optional.empty(),
        Optional.empty());
  }

  /** A WebSocket asked for while the proxy drains: the next instance will take it. */
  static ProxyError stopping() {
    return new ProxyError(
        503,
        "Paastis is restarting",
        "this instance is stopping and opens no new WebSocket; try again shortly",
        Optional.empty(),
        Optional.of(RETRY_AFTER_SECONDS));
  }

  /** The upstream of a known app did not answer; {@code app} may be null when unknown here. */
  static ProxyError unreachable(String app, String reason) {
    return new ProxyError(
        502,
        "Bad gateway",
        (app == null ? "the app" : "app " + app) + " could not be reached: " + reason,
        Optional.ofNullable(app),
        Optional.empty());
  }

  /** The app took the request but sent no response head in time. */
  static ProxyError gatewayTimeout(String app, long waitedMillis) {
    return new ProxyError(
        504,
        "Gateway timeout",
        "app "
            + app
            + " did not answer within "
            + Durations.format(Duration.ofMillis(waitedMillis))
            + " (UPSTREAM_RESPONSE_TIMEOUT)",
        Optional.of(app),
        Optional.empty());
  }

  /**
   * The one mapping of domain failures to statuses. A provider fault while finding or waking an app
   * (5xx, no answer, timeout, a 429 beyond the deadline) is transient: 503 with Retry-After, so
   * that clients try again. Credentials the provider rejects and an app with no web URL will not
   * get better by retrying: 502. An app no provider knows: 404.
   */
  static ProxyError from(Throwable failure, String app) {
    if (failure instanceof AppNotFoundException notFound) {
      return notFound(notFound.app());
    }
    if (failure instanceof UnknownAppException unknown) {
      return notFound(unknown.app());
    }
    if (failure instanceof WakeTimeoutException || failure instanceof StartFailedException) {
      return notReady("App not ready", failure.getMessage(), app);
    }
    if (failure instanceof CredentialsRejectedException rejected) {
      return new ProxyError(
          502,
          "Bad gateway",
          "app " + app + " cannot be woken: " + rejected.getMessage(),
          Optional.of(app),
          Optional.empty());
    }
    if (failure instanceof ProviderException fault) {
      return notReady(
          "Provider unavailable",
          "app " + app + " could not be looked up or woken: " + fault.getMessage(),
          app);
    }
    if (failure instanceof NotProxiableException) {
      return new ProxyError(
          502, "Bad gateway", failure.getMessage(), Optional.of(app), Optional.empty());
    }
    return unreachable(app, message(failure));
  }

  private static ProxyError notFound(String app) {
    return new ProxyError(
        404,
        "App not found",
        "No app named " + app + " is known to the configured providers",
        Optional.of(app),
        Optional.empty());
  }

  private static ProxyError notReady(String title, String detail, String app) {
    return new ProxyError(
        503,
        title,
        detail + "; try again shortly",
        Optional.of(app),
        Optional.of(RETRY_AFTER_SECONDS));
  }

  private static String message(Throwable failure) {
    return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
  }
}
