package dev.paastis.internal.lifecycle;

import dev.paastis.app.ProviderApp;
import dev.paastis.provider.Deadline;
import dev.paastis.provider.Provider;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Instant;

/**
 * One wake of one app: its provider, its deadline, what it is waiting for, and its outcome. Once
 * the outcome is settled (ready, failed, or the deadline passed), whatever the wake's work still
 * brings back is late and must change nothing: {@link #isOver()} guards each step that changes
 * state.
 */
final class WakeAttempt {

  final AppRuntime runtime;
  final Provider provider;
  final Deadline deadline;

  /** When the wake began, on the injected clock (events). */
  final Instant startedAt;

  private final long startedNanos = System.nanoTime();
  private final Promise<ProviderApp> outcome = Promise.promise();
  private volatile String waitingFor = "waiting for the stop under way to end";
  private volatile boolean started;

  WakeAttempt(AppRuntime runtime, Provider provider, Deadline deadline, Instant startedAt) {
    this.runtime = runtime;
    this.provider = provider;
    this.deadline = deadline;
    this.startedAt = startedAt;
  }

  String key() {
    return runtime.key;
  }

  /** What the wake is waiting for now, named in the timeout's message. */
  void waitFor(String what) {
    waitingFor = what;
  }

  /** The wake asked the provider to start the app (it was not running already). */
  void markStarted() {
    started = true;
  }

  boolean hasStarted() {
    return started;
  }

  Promise<ProviderApp> outcome() {
    return outcome;
  }

  Future<ProviderApp> future() {
    return outcome.future();
  }

  /** The outcome is settled: what the work brings back from now on is late. */
  boolean isOver() {
    return outcome.future().isComplete();
  }

  WakeTimeoutException timedOut() {
    return new WakeTimeoutException(key(), deadline.budget(), waitingFor);
  }

  /** On the monotonic clock, for the duration metric. */
  /** When this attempt began, as {@link System#nanoTime()}. */
  long sinceNanos() {
    return startedNanos;
  }

  long elapsedNanos() {
    return System.nanoTime() - startedNanos;
  }
}
