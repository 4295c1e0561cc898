package dev.paastis.proxy;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayDeque;

/**
 * The forwarded requests of one event loop that wait for their app's response head, timed out by
 * one periodic sweep rather than a timer each: a timer set and cancelled per request cost about 3 %
 * of the proxy's CPU in a profile of the benchmark (bench/RESULTS.md), a sweep next to nothing. A
 * request times out between its deadline and one sweep interval later (a quarter of the timeout, at
 * most a second).
 *
 * <p>Event-loop confined: created, fed and swept on the verticle's event loop.
 */
final class ResponseDeadlines {

  /** A request waiting for its response head. */
  interface Waiting {
    /** Answered (or abandoned): nothing to time out any more. */
    boolean settled();

    /** Called once, on the event loop, when the deadline passed unsettled. */
    void expire();
  }

  private record Entry(Waiting waiting, long deadlineNanos) {}

  private final long timeoutNanos;
  private final ArrayDeque<Entry> entries = new ArrayDeque<>();

  /** Starts the sweep on the caller's context (a verticle's: undeploying it stops the sweep). */
  ResponseDeadlines(Vertx vertx, Duration timeout) {
    this.timeoutNanos = timeout.toNanos();
    long interval = Math.max(50, Math.min(1000, timeout.toMillis() / 4));
    vertx.setPeriodic(interval, id -> sweep());
  }

  void add(Waiting waiting) {
    entries.add(new Entry(waiting, System.nanoTime() + timeoutNanos));
  }

  /** Drops the settled, expires the late, keeps the rest (in order). */
  private void sweep() {
    long now = System.nanoTime();
    for (int count = entries.size(); count > 0; count--) {
      Entry entry = entries.poll();
      if (entry.waiting().settled()) {
        continue;
      }
      if (entry.deadlineNanos() - now <= 0) {
        entry.waiting().expire();
      } else {
        entries.add(entry);
      }
    }
  }
}
