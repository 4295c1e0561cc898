package dev.paastis.internal.proxy;

import dev.paastis.config.ProxyTimeouts;
import io.netty.util.concurrent.EventExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The client-side deadlines of one connection: the whole request head within {@code clientHeader}
 * (CLIENT_HEADER_TIMEOUT), and no more than {@code keepAlive} (CLIENT_KEEP_ALIVE_TIMEOUT) idle
 * between requests. One deadline at a time, on one scheduled task at a time that is moved lazily: a
 * task that fires before the deadline re-schedules itself, so that the hot path arms and disarms by
 * writing a field, never by scheduling or cancelling a task per request.
 *
 * <p>Event-loop confined: every method runs on the connection's event loop.
 */
final class ClientTimeouts {

  /** What the connection does when a deadline passes. */
  interface Expiry {
    /** Whether the connection still waits for a request head (else nothing is due). */
    boolean waitingForHead();

    /** The deadline passed: {@code keepAlive} tells which one. */
    void expired(boolean keepAlive);
  }

  private final long headerNanos;
  private final long keepAliveNanos;
  private final EventExecutor executor;
  private final Expiry expiry;

  private long deadline; // System.nanoTime() of the armed deadline, 0 when none
  private boolean keepAlive;
  private long timerFiresAt; // of the earliest scheduled task, 0 when none

  ClientTimeouts(ProxyTimeouts timeouts, EventExecutor executor, Expiry expiry) {
    this.headerNanos = timeouts.clientHeader().toNanos();
    this.keepAliveNanos = timeouts.keepAlive().toNanos();
    this.executor = executor;
    this.expiry = expiry;
  }

  long headerSeconds() {
    return TimeUnit.NANOSECONDS.toSeconds(headerNanos);
  }

  /** A head is due from now, unless one is due already. */
  void expectHead() {
    if (deadline == 0 || keepAlive) {
      arm(headerNanos, false);
    }
  }

  /** No request in flight: the connection may stay idle for keepAlive, unless a head is due. */
  void expectIdle() {
    if (deadline == 0) {
      arm(keepAliveNanos, true);
    }
  }

  /** A request is in flight, or the connection left HTTP: no client deadline applies. */
  void disarm() {
    deadline = 0;
  }

  private void arm(long timeoutNanos, boolean isKeepAlive) {
    deadline = System.nanoTime() + timeoutNanos;
    keepAlive = isKeepAlive;
    if (timerFiresAt == 0 || deadline - timerFiresAt < 0) {
      schedule(timeoutNanos);
    }
  }

  private void schedule(long delayNanos) {
    timerFiresAt = System.nanoTime() + delayNanos;
    executor.schedule(this::onTimer, delayNanos, TimeUnit.NANOSECONDS);
  }

  private void onTimer() {
    long now = System.nanoTime();
    if (timerFiresAt != 0 && timerFiresAt - now > 0) {
      return; // replaced by a task scheduled later to fire earlier: that one acts
    }
    timerFiresAt = 0;
    if (deadline == 0 || !expiry.waitingForHead()) {
      return;
    }
    long left = deadline - now;
    if (left > 0) {
      schedule(left);
      return;
    }
    deadline = 0;
    expiry.expired(keepAlive);
  }
}
