package dev.paastis.lifecycle;

import dev.paastis.app.AppState;
import dev.paastis.app.ProviderApp;
import dev.paastis.provider.Deadline;
import dev.paastis.provider.Provider;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Duration;

/**
 * Waits until an app is ready: its provider reports it RUNNING and its upstream answers HTTP.
 *
 * <p>Two loops run side by side. The provider's status is polled fast at first (every 100 ms) and
 * backs off to every 2 s, since it may cost a rate-limited API call. The upstream, which costs
 * nothing but a connection attempt, is probed every 25 ms for the first seconds when it is on this
 * machine (every 250 ms when it is a remote PaaS router): the moment it answers, the provider is
 * asked at once. So the request is served within a few tens of milliseconds of the app being up,
 * without hammering the provider's API.
 */
public final class ReadinessProbe {

  static final Duration FIRST_STATUS_DELAY = Duration.ofMillis(100);
  static final Duration MAX_STATUS_DELAY = Duration.ofSeconds(2);
  static final Duration FAST_PROBE_DELAY = Duration.ofMillis(25);
  static final Duration SLOW_PROBE_DELAY = Duration.ofMillis(250);
  static final Duration FAST_PROBE_PERIOD = Duration.ofSeconds(10);

  private final Vertx vertx;
  private final UpstreamCheck upstreamCheck;

  public ReadinessProbe(Vertx vertx, UpstreamCheck upstreamCheck) {
    this.vertx = vertx;
    this.upstreamCheck = upstreamCheck;
  }

  /**
   * Completes with the app as last reported once it is ready; fails with {@link
   * WakeTimeoutException} at the deadline, {@link StartFailedException} when the provider reports
   * the app FAILED. An app without an upstream (a worker) is ready once it runs. The provider's
   * status calls are made with the deadline, so that none outlives the wait.
   */
  public Future<ProviderApp> awaitReady(Provider provider, ProviderApp app, Deadline deadline) {
    Wait wait = new Wait(provider, app, deadline);
    long deadlineTimer =
        vertx.setTimer(
            Math.max(1, deadline.left().toMillis()), id -> wait.ready.tryFail(wait.timedOut()));
    wait.ready.future().onComplete(done -> vertx.cancelTimer(deadlineTimer));
    wait.pollStatus(FIRST_STATUS_DELAY);
    app.upstream().ifPresent(upstream -> wait.probeUpstream(upstream));
    return wait.ready.future();
  }

  /** One wait for one app. Its loops stop as soon as the promise is complete. */
  private final class Wait {
    final Provider provider;
    final String key;
    final Deadline deadline;
    final long startedNanos = System.nanoTime();
    final Promise<ProviderApp> ready = Promise.promise();
    volatile ProviderApp running;
    volatile boolean upstreamAnswered;
    volatile Throwable lastStatusFailure;

    Wait(Provider provider, ProviderApp app, Deadline deadline) {
      this.provider = provider;
      this.key = app.key();
      this.deadline = deadline;
    }

    void pollStatus(Duration delay) {
      if (done()) {
        return;
      }
      provider
          .status(key, deadline)
          .onComplete(
              result -> {
                if (result.succeeded()) {
                  lastStatusFailure = null;
                  onStatus(result.result());
                } else {
                  lastStatusFailure = result.cause();
                }
                if (!done()) {
                  Duration next = min(MAX_STATUS_DELAY, delay.multipliedBy(3).dividedBy(2));
                  later(delay, () -> pollStatus(next));
                }
              });
    }

    void onStatus(ProviderApp app) {
      if (app.state() == AppState.FAILED) {
        ready.tryFail(
            new StartFailedException(key, "provider " + app.provider() + " reports FAILED", null));
      } else if (app.state() == AppState.RUNNING) {
        running = app;
        // a worker-only app (e.g. a linked one) has no upstream to wait for
        if (upstreamAnswered || app.upstream().isEmpty()) {
          ready.tryComplete(app);
        } else {
          // the upstream may have answered with a URL we did not know when the wait began
          app.upstream().ifPresent(this::probeUpstreamOnce);
        }
      }
    }

    void probeUpstream(URI upstream) {
      if (done()) {
        return;
      }
      upstreamCheck
          .answers(upstream)
          .onSuccess(
              answered -> {
                if (answered) {
                  onUpstreamAnswered();
                  return;
                }
                boolean early = System.nanoTime() - startedNanos < FAST_PROBE_PERIOD.toNanos();
                boolean fast = early && isLoopback(upstream);
                later(fast ? FAST_PROBE_DELAY : SLOW_PROBE_DELAY, () -> probeUpstream(upstream));
              });
    }

    void probeUpstreamOnce(URI upstream) {
      upstreamCheck
          .answers(upstream)
          .onSuccess(
              answered -> {
                if (answered) {
                  onUpstreamAnswered();
                }
              });
    }

    void onUpstreamAnswered() {
      upstreamAnswered = true;
      ProviderApp app = running;
      if (app != null) {
        ready.tryComplete(app);
      } else {
        provider.status(key, deadline).onSuccess(this::onStatus);
      }
    }

    void later(Duration delay, Runnable action) {
      if (!done()) {
        vertx.setTimer(Math.max(1, delay.toMillis()), id -> action.run());
      }
    }

    boolean done() {
      return ready.future().isComplete();
    }

    /** The timeout, saying what was still missing: the provider's word, or the app's answer. */
    WakeTimeoutException timedOut() {
      String missing;
      if (lastStatusFailure != null) {
        missing = "its provider's last status failed: " + lastStatusFailure.getMessage();
      } else if (running == null) {
        missing = provider.name() + " does not report it running yet";
      } else {
        missing = "its web URL does not answer yet";
      }
      return new WakeTimeoutException(key, deadline.budget(), missing);
    }
  }

  /** Remote upstreams (a PaaS router) are probed at the slow pace only, out of courtesy. */
  private static boolean isLoopback(URI upstream) {
    String host = upstream.getHost();
    return host != null
        && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"));
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
