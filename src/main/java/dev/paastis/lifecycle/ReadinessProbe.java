package dev.paastis.lifecycle;

import dev.paastis.app.AppState;
import dev.paastis.app.ProviderApp;
import dev.paastis.provider.Provider;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Waits until an app is ready: its provider reports it RUNNING and its upstream answers HTTP. Polls
 * fast at first (every 100 ms) and backs off to every 2 s, until a deadline.
 */
public final class ReadinessProbe {

  static final Duration FIRST_DELAY = Duration.ofMillis(100);
  static final Duration MAX_DELAY = Duration.ofSeconds(2);

  private final Vertx vertx;
  private final UpstreamCheck upstreamCheck;
  private final Clock clock;

  public ReadinessProbe(Vertx vertx, UpstreamCheck upstreamCheck, Clock clock) {
    this.vertx = vertx;
    this.upstreamCheck = upstreamCheck;
    this.clock = clock;
  }

  /**
   * Completes with the app as last reported once it is ready; fails with {@link
   * WakeTimeoutException} at the deadline, or {@link StartFailedException} when the provider
   * reports the app FAILED.
   */
  public Future<ProviderApp> awaitReady(Provider provider, String key, Duration timeout) {
    Promise<ProviderApp> ready = Promise.promise();
    poll(provider, key, clock.instant().plus(timeout), timeout, FIRST_DELAY, ready);
    return ready.future();
  }

  private void poll(
      Provider provider,
      String key,
      Instant deadline,
      Duration timeout,
      Duration delay,
      Promise<ProviderApp> ready) {
    provider
        .status(key)
        .compose(app -> isReady(key, app).map(isReady -> isReady ? app : null))
        .onComplete(
            result -> {
              if (result.succeeded() && result.result() != null) {
                ready.tryComplete(result.result());
              } else if (result.failed() && isFinal(result.cause())) {
                ready.tryFail(result.cause());
              } else if (!clock.instant().plus(delay).isBefore(deadline)) {
                ready.tryFail(new WakeTimeoutException(key, timeout));
              } else {
                Duration next = min(MAX_DELAY, delay.multipliedBy(3).dividedBy(2));
                vertx.setTimer(
                    delay.toMillis(), id -> poll(provider, key, deadline, timeout, next, ready));
              }
            });
  }

  private Future<Boolean> isReady(String key, ProviderApp app) {
    if (app.state() == AppState.FAILED) {
      return Future.failedFuture(
          new StartFailedException(key, "provider " + app.provider() + " reports FAILED", null));
    }
    if (app.state() != AppState.RUNNING) {
      return Future.succeededFuture(false);
    }
    return app.upstream()
        .map(upstreamCheck::answers)
        .orElseGet(() -> Future.failedFuture(new NotProxiableException(key)));
  }

  private static boolean isFinal(Throwable failure) {
    return failure instanceof StartFailedException || failure instanceof NotProxiableException;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
