package dev.paastis.internal.proxy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the proxy's event loops share about stopping: whether the drain has begun, and how many
 * requests are held while their app wakes (they hold no lease yet, so the lifecycle does not count
 * them). Read on the hot path without locking.
 */
final class Drain {

  private final AtomicInteger waking = new AtomicInteger();
  private volatile boolean started;
  private volatile long cutAtNanos;

  /** Begins the drain: requests still in flight after {@code grace} are cut. */
  void start(Duration grace) {
    cutAtNanos = System.nanoTime() + grace.toNanos();
    started = true;
  }

  /**
   * Nanoseconds left until the requests still in flight are cut; negative when the drain has not
   * begun, 0 once the grace ran out.
   */
  long nanosUntilCut() {
    if (!started) {
      return -1;
    }
    return Math.max(0, cutAtNanos - System.nanoTime());
  }

  boolean started() {
    return started;
  }

  /**
   * Counts a request held until its app wakes; call {@link #wakeEnded()} once it is leased or
   * failed.
   */
  void wakeBegan() {
    waking.incrementAndGet();
  }

  void wakeEnded() {
    waking.decrementAndGet();
  }

  int waking() {
    return waking.get();
  }
}
