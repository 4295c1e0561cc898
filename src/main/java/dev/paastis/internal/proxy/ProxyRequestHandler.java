package dev.paastis.internal.proxy;

import dev.paastis.app.AppSettings;
import dev.paastis.app.AppState;
import dev.paastis.app.Rules;
import dev.paastis.config.WakeStrategy;
import dev.paastis.internal.lifecycle.AppGate;
import dev.paastis.internal.lifecycle.AppNotFoundException;
import dev.paastis.internal.lifecycle.Lease;
import dev.paastis.internal.lifecycle.Metrics;
import dev.paastis.policy.IgnoredReason;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles, on the event loop, the requests the Netty hot path ({@link ClientConnection}) leaves to
 * Vert.x: the system API, requests without a Host, those for an app that does not serve yet, and
 * the few an awake app gets by this way (HTTP/1.0, WebSocket upgrades, requests during a drain).
 * Host → app, then forwards at once when the app serves, or holds the request (paused, body kept)
 * while the app wakes, or answers a browser with the waking page. Never blocks.
 */
final class ProxyRequestHandler implements Handler<HttpServerRequest> {

  private static final Logger LOG = LoggerFactory.getLogger(ProxyRequestHandler.class);

  private final Forwarder forwarder;
  private final AppGate lifecycle;
  private final Rules rules;
  private final WakeStrategy wakeStrategy;
  private final WebSocketTunnel webSockets;
  private final SystemRoutes systemRoutes;
  private final Drain drain;
  private final boolean countsRequests;
  private final WakeChecks wakeChecks;

  ProxyRequestHandler(
      Forwarder forwarder,
      HttpClient tunnelClient,
      AppGate lifecycle,
      Rules rules,
      WakeStrategy wakeStrategy,
      SystemRoutes systemRoutes,
      Drain drain) {
    this.forwarder = forwarder;
    this.lifecycle = lifecycle;
    this.rules = rules;
    this.wakeStrategy = wakeStrategy;
    this.webSockets = new WebSocketTunnel(tunnelClient);
    this.systemRoutes = systemRoutes;
    this.drain = drain;
    this.countsRequests = lifecycle.countsRequests();
    this.wakeChecks = new WakeChecks(lifecycle);
  }

  @Override
  public void handle(HttpServerRequest request) {
    if (systemRoutes.handles(request.headers())) {
      systemRoutes.handle(request);
      return;
    }
    long startedNanos = System.nanoTime();
    // authority() is the Host header in HTTP/1.1 and :authority in HTTP/2 (h2c upgrades)
    String host = HostRouting.host(request);
    Optional<String> key = HostRouting.appKey(host);
    if (key.isEmpty()) {
      countWhenSent(request, Metrics.UNKNOWN_APP, startedNanos);
      ErrorResponder.send(request, ProxyError.missingHost());
      return;
    }
    AppSettings settings = rules.resolve(key.get());
    countWhenSent(request, settings.appName(), startedNanos);
    Optional<IgnoredReason> ignored = wakeChecks.ignored(request, settings);
    Optional<Lease> lease = lifecycle.tryLease(settings.appName(), ignored.isEmpty());
    if (lease.isPresent()) {
      ignored.ifPresent(lifecycle::requestIgnored);
      forward(request, host, lease.get(), startedNanos);
      return;
    }
    // The app must be found or woken first: hold the request and its body meanwhile.
    request.pause();
    wakeChecks
        .refusal(settings, ignored)
        .onFailure(failure -> fail(request, settings, failure))
        .onSuccess(
            refused -> {
              if (refused.isPresent()) {
                request.resume();
                ErrorResponder.send(request, refused.get());
              } else if (getsWakingPage(request)) {
                answerWithWakingPage(request, settings, startedNanos);
              } else {
                wakeThenForward(request, host, settings, startedNanos);
              }
            });
  }

  /** The request waits, counted as in flight for a drain, until its app serves or fails. */
  private void wakeThenForward(
      HttpServerRequest request, String host, AppSettings settings, long startedNanos) {
    drain.wakeBegan();
    lifecycle
        .wakeAndLease(settings)
        .andThen(done -> drain.wakeEnded())
        .onSuccess(acquired -> forward(request, host, acquired, startedNanos))
        .onFailure(failure -> fail(request, settings, failure));
  }

  private boolean getsWakingPage(HttpServerRequest request) {
    if (request.canUpgradeToWebSocket()) {
      return false;
    }
    return switch (wakeStrategy) {
      case AUTO -> Browsers.isBrowser(request);
      case PAGE -> request.method() == HttpMethod.GET;
      case BLOCKING -> false;
    };
  }

  /**
   * Counts the request once its response is sent, whoever sends it (forwarder, error, waking page).
   * The lifecycle names the app only when a provider knows it.
   */
  private void countWhenSent(HttpServerRequest request, String app, long startedNanos) {
    if (!countsRequests) {
      return;
    }
    HttpServerResponse response = request.response();
    response.bodyEndHandler(
        sent ->
            lifecycle.requestServed(
                app, response.getStatusCode(), System.nanoTime() - startedNanos));
  }

  private void answerWithWakingPage(
      HttpServerRequest request, AppSettings settings, long startedNanos) {
    lifecycle
        .find(settings)
        .onFailure(failure -> fail(request, settings, failure))
        .onSuccess(
            app -> {
              if (app.state() == AppState.RUNNING) {
                // up already (started from outside, or not seen by a tick yet): no page needed
                wakeThenForward(request, HostRouting.host(request), settings, startedNanos);
                return;
              }
              lifecycle
                  .wakeAndLease(settings)
                  .onSuccess(Lease::release)
                  .onFailure(
                      failure -> LOG.debug("wake of {} failed: {}", app.key(), failure.toString()));
              if (!request.response().ended()) {
                request.resume();
                request
                    .response()
                    .setStatusCode(503)
                    .putHeader("retry-after", Integer.toString(WakingPage.REFRESH_SECONDS))
                    .putHeader("cache-control", "no-store")
                    .putHeader("content-type", "text/html; charset=utf-8")
                    .end(WakingPage.render(settings.appName()));
              }
            });
  }

  private void forward(HttpServerRequest request, String host, Lease lease, long startedNanos) {
    if (request.canUpgradeToWebSocket()) {
      if (drain.started()) {
        // it would be closed at the end of the drain: let the client open it on the next instance
        lease.release();
        ErrorResponder.send(request, ProxyError.stopping());
        return;
      }
      // an accepted upgrade sends no response body: count its 101 here
      webSockets
          .open(request, host, lease)
          .onSuccess(
              open ->
                  lifecycle.requestServed(
                      lease.app().key(), 101, System.nanoTime() - startedNanos));
    } else {
      forwarder.forward(request, host, lease);
    }
  }

  private void fail(HttpServerRequest request, AppSettings settings, Throwable failure) {
    if (!(failure instanceof AppNotFoundException)) {
      LOG.warn("request to {} failed: {}", settings.appName(), failure.getMessage());
    }
    ErrorResponder.send(request, ProxyError.from(failure, settings.appName()));
  }
}
