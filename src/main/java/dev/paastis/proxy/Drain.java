package dev.paastis.proxy;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the proxy's event loops share about stopping: whether the drain has begun, and how many
 * requests are held while their app wakes (they hold no lease yet, so the lifecycle does not count
 * them). Read on the hot path without locking.
 */
final class Drain {

  private final AtomicInteger waking = new AtomicInteger();
  private volatile boolean started;

  void start() {
    started = true;
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
