package dev.paastis.internal.lifecycle;

import dev.paastis.app.ProviderApp;
import dev.paastis.internal.registry.AppTracker;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leases on serving apps, the proxy's hot path: no provider call, no blocking I/O, and at most one
 * last-access write per app per second through the tracker.
 */
final class Leases {

  private static final Logger LOG = LoggerFactory.getLogger(Leases.class);
  private static final long TOUCH_INTERVAL_MS = 1_000;

  private final AppCatalog catalog;
  private final AppTracker tracker;
  private final IgnoredApps ignored;
  private final Clock clock;

  Leases(AppCatalog catalog, AppTracker tracker, IgnoredApps ignored, Clock clock) {
    this.catalog = catalog;
    this.tracker = tracker;
    this.ignored = ignored;
    this.clock = clock;
  }

  /** {@code activity} false: the request does not move the app's idle deadline. */
  Optional<Lease> tryLease(String key, boolean activity) {
    AppRuntime runtime = catalog.existing(key);
    if (runtime == null || !runtime.tryEnter()) {
      return Optional.empty();
    }
    ProviderApp app = runtime.app;
    if (app == null || app.upstream().isEmpty() || ignored.isOwnApp(app)) {
      runtime.leave();
      return Optional.empty();
    }
    if (activity) {
      recordAccess(runtime);
    }
    return Optional.of(new Lease(runtime, app));
  }

  /**
   * The app was just woken: the next lease that counts as activity writes its touch at once, so
   * that the request that asked for the wake records its hour in the app's activity history. The
   * wake itself records none (a pre-warm or a schedule is no use), and one that no request asked
   * for writes no touch.
   */
  void awoken(AppRuntime runtime) {
    runtime.lastTouchWrittenMillis = 0;
  }

  private void recordAccess(AppRuntime runtime) {
    long now = clock.millis();
    if (now - runtime.lastTouchWrittenMillis < TOUCH_INTERVAL_MS) {
      return;
    }
    runtime.lastTouchWrittenMillis = now;
    tracker
        .touch(runtime.key, Instant.ofEpochMilli(now))
        .onFailure(
            failure ->
                LOG.warn(
                    "could not record access to {}: {}",
                    runtime.key,
                    AppLifecycle.message(failure)));
  }
}
