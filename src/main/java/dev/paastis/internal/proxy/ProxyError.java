package dev.paastis.internal.proxy;

import dev.paastis.config.Durations;
import dev.paastis.internal.lifecycle.AppNotFoundException;
import dev.paastis.internal.lifecycle.FailureStatus;
import dev.paastis.policy.IgnoredReason;
import dev.paastis.policy.OpenWindow;
import dev.paastis.provider.UnknownAppException;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A failure the proxy answers itself; the status of a domain failure comes from {@link
 * FailureStatus}, the table the admin API reads too.
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

  static final int RETRY_AFTER_SECONDS = FailureStatus.RETRY_AFTER_SECONDS;

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

  /** Retry-After for a request that must not wake its app, outside a keep_asleep window. */
  static final int IGNORED_RETRY_AFTER_SECONDS = 60;

  /** Retry-After during a keep_asleep window that never closes. */
  static final int NO_END_RETRY_AFTER_SECONDS = 3600;

  /** A request for an app asleep in a keep_asleep window: back when the window closes. */
  static ProxyError asleepOnSchedule(String app, Optional<Instant> until, Instant now) {
    return new ProxyError(
        503,
        "App asleep on schedule",
        "app "
            + app
            + " sleeps on schedule"
            + until.map(end -> " until " + end + " (" + in(now, end) + ")").orElse("")
            + ": requests do not wake it before then",
        Optional.of(app),
        Optional.of(retryAfter(until, now)));
  }

  /** A request that must not wake its sleeping app: a monitor, a crawler, an ignored path. */
  static ProxyError notWoken(
      String app, IgnoredReason reason, Optional<OpenWindow> asleepWindow, Instant now) {
    String which =
        reason == IgnoredReason.USER_AGENT
            ? "requests from uptime monitors and crawlers (by their User-Agent)"
            : "requests to this path";
    Optional<Instant> until = asleepWindow.flatMap(OpenWindow::closesAt);
    return new ProxyError(
        503,
        "App asleep",
        "app " + app + " is asleep, and " + which + " do not wake it",
        Optional.of(app),
        Optional.of(
            asleepWindow.isPresent() ? retryAfter(until, now) : IGNORED_RETRY_AFTER_SECONDS));
  }

  private static int retryAfter(Optional<Instant> until, Instant now) {
    return until
        .map(end -> (int) Math.max(1, Math.min(Integer.MAX_VALUE, secondsUntil(now, end))))
        .orElse(NO_END_RETRY_AFTER_SECONDS);
  }

  private static long secondsUntil(Instant now, Instant end) {
    long millis = Duration.between(now, end).toMillis();
    return (millis + 999) / 1000;
  }

  /** "in 7 h 12 min", "in 40 s": when the app is back, for a person. */
  private static String in(Instant now, Instant end) {
    long seconds = Math.max(0, secondsUntil(now, end));
    if (seconds < 60) {
      return "in " + seconds + " s";
    }
    long minutes = (seconds + 59) / 60;
    return minutes < 60
        ? "in " + minutes + " min"
        : "in " + minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
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
   * A failure while finding, waking or forwarding to an app: a domain failure gets its status from
   * {@link FailureStatus}, anything else is an upstream that could not be reached (502).
   */
  static ProxyError from(Throwable failure, String app) {
    return FailureStatus.of(failure)
        .map(known -> from(known, failure, app))
        .orElseGet(() -> unreachable(app, message(failure)));
  }

  private static ProxyError from(FailureStatus known, Throwable failure, String app) {
    if (known == FailureStatus.APP_NOT_FOUND) {
      return notFound(failure, app);
    }
    String title =
        switch (known) {
          case NOT_READY -> "App not ready";
          case PROVIDER_UNAVAILABLE -> "Provider unavailable";
          case REGISTRY_UNAVAILABLE -> "Registry unavailable";
          default -> "Bad gateway";
        };
    String detail =
        switch (known) {
          case PROVIDER_UNAVAILABLE ->
              "app " + app + " could not be looked up or woken: " + failure.getMessage();
          case CREDENTIALS_REJECTED -> "app " + app + " cannot be woken: " + failure.getMessage();
          case REGISTRY_UNAVAILABLE ->
              "app " + app + " cannot be woken now: " + failure.getMessage();
          default -> failure.getMessage();
        };
    if (!known.retryable()) {
      return new ProxyError(known.status(), title, detail, Optional.of(app), Optional.empty());
    }
    return new ProxyError(
        known.status(),
        title,
        detail + "; try again shortly",
        Optional.of(app),
        Optional.of(RETRY_AFTER_SECONDS));
  }

  /** Named as the exception names it: the app a rule routes to may differ from the one asked. */
  private static ProxyError notFound(Throwable failure, String app) {
    String named = app;
    if (failure instanceof AppNotFoundException notFound) {
      named = notFound.app();
    } else if (failure instanceof UnknownAppException unknown) {
      named = unknown.app();
    }
    return new ProxyError(
        FailureStatus.APP_NOT_FOUND.status(),
        "App not found",
        "No app named " + named + " is known to the configured providers",
        Optional.of(named),
        Optional.empty());
  }

  private static String message(Throwable failure) {
    return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
  }
}
