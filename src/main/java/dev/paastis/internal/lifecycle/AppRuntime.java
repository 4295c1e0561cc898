package dev.paastis.internal.lifecycle;

import dev.paastis.app.AppState;
import dev.paastis.app.ProviderApp;
import io.vertx.core.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What this instance knows of one app right now, the only copy of it ({@link AppCatalog} holds one
 * per app): the provider's last reading ({@code app}, null when no provider reports it), its state,
 * the requests and WebSockets in flight to it, and the start or stop under way. The state and
 * counters are read on the proxy's hot path without locking; the operations are guarded by the
 * object's monitor.
 */
final class AppRuntime {

  final String key;
  final AtomicInteger inFlight = new AtomicInteger();
  volatile AppState state = AppState.UNKNOWN;
  volatile ProviderApp app;
  volatile long lastTouchWrittenMillis;

  /** Guarded by {@code this}. */
  Future<ProviderApp> wake;

  /** Guarded by {@code this}. */
  Future<Boolean> stop;

  AppRuntime(String key) {
    this.key = key;
  }

  /** Takes a slot for one request when the app serves; the caller must release it. */
  boolean tryEnter() {
    inFlight.incrementAndGet();
    // Read the state after counting ourselves: a stop sets STOPPING then reads the counter, so
    // at least one of the two sees the other.
    if (state == AppState.RUNNING && app != null) {
      return true;
    }
    inFlight.decrementAndGet();
    return false;
  }

  void leave() {
    inFlight.decrementAndGet();
  }

  /** Marks the app STOPPING unless requests are in flight; true when the stop may go on. */
  boolean beginStop() {
    AppState previous = state;
    state = AppState.STOPPING;
    if (inFlight.get() > 0) {
      state = previous;
      return false;
    }
    return true;
  }
}
