package dev.paastis.internal.proxy;

import io.vertx.core.Vertx;
import java.time.Duration;

/**
 * The forwarded requests of one event loop that wait for their app's response head, timed out by
 * one periodic sweep rather than a timer each: a timer set and cancelled per request cost about 3 %
 * of the proxy's CPU in a profile of the benchmark (bench/RESULTS.md). Every request of an event
 * loop has the same timeout, so a list in arrival order is also in deadline order: adding and
 * removing are O(1), and a sweep reads only the expired head of the list. A request leaves the list
 * as soon as its answer comes, so nothing is held longer than it is in flight. A request times out
 * between its deadline and one sweep interval later (a quarter of the timeout, at most a second).
 *
 * <p>Event-loop confined: created, fed and swept on the verticle's event loop.
 */
final class ResponseDeadlines {

  /** A request waiting for its response head: a node of the list. */
  abstract static class Waiting {
    private Waiting previous;
    private Waiting next;
    private long deadlineNanos;
    private boolean listed;

    /** Called once, on the event loop, when the deadline passed while still listed. */
    abstract void expire();
  }

  private final long timeoutNanos;
  private Waiting first;
  private Waiting last;

  /** Starts the sweep on the caller's context (a verticle's: undeploying it stops the sweep). */
  ResponseDeadlines(Vertx vertx, Duration timeout) {
    this.timeoutNanos = timeout.toNanos();
    long interval = Math.max(50, Math.min(1000, timeout.toMillis() / 4));
    vertx.setPeriodic(interval, id -> sweep());
  }

  /** Starts the wait of {@code waiting}, due in the timeout from now. */
  void add(Waiting waiting) {
    if (waiting.listed) {
      return;
    }
    waiting.deadlineNanos = System.nanoTime() + timeoutNanos;
    waiting.listed = true;
    waiting.previous = last;
    waiting.next = null;
    if (last == null) {
      first = waiting;
    } else {
      last.next = waiting;
    }
    last = waiting;
  }

  /** Ends the wait of {@code waiting} (its answer came, or its client left); idempotent. */
  void remove(Waiting waiting) {
    if (!waiting.listed) {
      return;
    }
    if (waiting.previous == null) {
      first = waiting.next;
    } else {
      waiting.previous.next = waiting.next;
    }
    if (waiting.next == null) {
      last = waiting.previous;
    } else {
      waiting.next.previous = waiting.previous;
    }
    waiting.previous = null;
    waiting.next = null;
    waiting.listed = false;
  }

  private void sweep() {
    long now = System.nanoTime();
    while (first != null && first.deadlineNanos - now <= 0) {
      Waiting late = first;
      remove(late);
      late.expire();
    }
  }
}
