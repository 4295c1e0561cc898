package dev.paastis.internal.lifecycle;

import dev.paastis.app.AppSettings;
import dev.paastis.app.ProviderApp;
import dev.paastis.policy.IgnoredReason;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.Optional;

/**
 * What the proxy needs of the lifecycle: find an app, lease one that serves, or wake one and lease
 * it; and count what it served. Futures complete on Vert.x threads; failures are the domain
 * exceptions of this package.
 */
public interface AppGate {

  /**
   * The hot path: a lease on an app known to be serving, with no provider call and no blocking I/O;
   * empty when the app is not known to serve (then call {@link #wakeAndLease}).
   */
  default Optional<Lease> tryLease(String key) {
    return tryLease(key, true);
  }

  /**
   * {@link #tryLease(String)}; a request that must not count as activity ({@code activity} false: a
   * monitor, a crawler) leaves the app's idle deadline where it was.
   */
  Optional<Lease> tryLease(String key, boolean activity);

  /** Whether a pin keeps the app awake now (it overrides keep_asleep windows). */
  Future<Boolean> isPinned(String key);

  /** The engine's clock, for the schedule windows. */
  Clock clock();

  /** Counts a request that must not wake its app. */
  void requestIgnored(IgnoredReason reason);

  /** Finds the app the settings route to, wakes it and its linked apps when needed, leases it. */
  Future<Lease> wakeAndLease(AppSettings settings);

  /** Checks whether an app of that name exists, without waking it. */
  Future<ProviderApp> find(AppSettings settings);

  /** Requests and WebSockets in flight to every app through this instance. */
  int inFlight();

  /** Whether {@link #requestServed} counts anything (metrics are on). */
  boolean countsRequests();

  /**
   * Counts a request the proxy answered. The app is named only when a provider knows it, so that
   * arbitrary Host headers cannot create new time series.
   */
  void requestServed(String name, int status, long durationNanos);
}
