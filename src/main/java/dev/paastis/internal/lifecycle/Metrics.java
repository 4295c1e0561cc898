package dev.paastis.internal.lifecycle;

import dev.paastis.app.AppState;
import dev.paastis.policy.IgnoredReason;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the engine reports for monitoring: proxied requests, wakes, stops, provider calls, scheduler
 * ticks, registry and event-store failures, apps per state. {@link NoopMetrics} when metrics are
 * off, {@link MicrometerMetrics} otherwise.
 *
 * <p>Methods may be called from any thread, and must neither block nor throw: {@link
 * #requestServed} runs on the proxy's event loops for every request.
 */
public interface Metrics {

  /** The app of a request whose Host names no app a provider knows. */
  String UNKNOWN_APP = "unknown";

  /**
   * Whether {@link #requestServed} counts anything: when it does not, the proxy skips the
   * per-request bookkeeping (a response hook, a catalog lookup) altogether.
   */
  default boolean countsRequests() {
    return true;
  }

  /**
   * The proxy sent a response (or accepted a WebSocket upgrade, status 101). {@code app} is the key
   * of an app a provider knows, or {@link #UNKNOWN_APP}: Host headers must not create series.
   */
  void requestServed(String app, int status, long durationNanos);

  /** A wake ended; its duration, from the start of the wake to ready, matters when it STARTED. */
  void wakeEnded(String app, WakeOutcome outcome, long durationNanos);

  /**
   * A request that must not wake its app (a monitor, a crawler, an ignored path): answered 503
   * without waking a sleeping app, or proxied to an awake one without counting as activity.
   */
  void requestIgnored(IgnoredReason reason);

  /** Paastis stopped an app. */
  void appStopped(String app, StopReason reason);

  /**
   * A provider API call ended. {@code operation} is {@code list}, {@code status}, {@code start} or
   * {@code stop}.
   */
  void providerCalled(String provider, String operation, boolean succeeded);

  /**
   * A scheduler tick (listing, discovery, idle sweep) ended, after {@code durationNanos}, whether
   * it succeeded or not.
   */
  void tickEnded(long durationNanos);

  /** A registry operation ({@code get}, {@code put}, {@code touch}...) failed. */
  void registryFailed(String operation);

  /** An event-store operation ({@code append}, {@code find}) failed. */
  void eventStoreFailed(String operation);

  /**
   * Where to read how many apps are in each state, each time the metrics are read; states missing
   * from the map count zero.
   */
  void watchAppStates(Supplier<Map<AppState, Long>> appsByState);
}
