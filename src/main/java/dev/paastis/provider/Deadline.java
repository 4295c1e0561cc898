package dev.paastis.provider;

import java.time.Duration;

/**
 * When an operation must be over, on the monotonic clock, with the budget it was given. A wake
 * creates one from its provider's operation timeout and passes it down to every API call it makes,
 * so that no call, and no retry, outlives the wake: a hung API cannot stretch a client's wait.
 * {@link #none()} is for work bounded otherwise (scheduler ticks, where each call keeps its own
 * timeout and retries).
 */
public final class Deadline {

  /** Far enough to never come, small enough to add to without overflow. */
  private static final Duration FOREVER = Duration.ofDays(365 * 100);

  private static final Deadline NONE = new Deadline(0, null);

  private final long atNanos;
  private final Duration budget;

  private Deadline(long atNanos, Duration budget) {
    this.atNanos = atNanos;
    this.budget = budget;
  }

  /** No deadline: each call is bounded by its own timeout only. */
  public static Deadline none() {
    return NONE;
  }

  /** {@code budget} from now. */
  public static Deadline in(Duration budget) {
    return after(System.nanoTime(), budget);
  }

  /** {@code budget} after {@code startNanos}, a {@link System#nanoTime()} reading. */
  public static Deadline after(long startNanos, Duration budget) {
    return new Deadline(startNanos + budget.toNanos(), budget);
  }

  public boolean isNone() {
    return budget == null;
  }

  /** The whole time this deadline was given (the operation timeout), for messages. */
  public Duration budget() {
    return isNone() ? FOREVER : budget;
  }

  /** The time left, zero once passed; practically forever for {@link #none()}. */
  public Duration left() {
    if (isNone()) {
      return FOREVER;
    }
    long left = atNanos - System.nanoTime();
    return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
  }

  public boolean hasPassed() {
    return left().isZero();
  }

  /** {@code limit}, or the time left when that is shorter. */
  public Duration bound(Duration limit) {
    Duration left = left();
    return left.compareTo(limit) < 0 ? left : limit;
  }

  /** The one of the two that comes first. */
  public Deadline earliest(Deadline other) {
    if (isNone()) {
      return other;
    }
    if (other.isNone()) {
      return this;
    }
    return atNanos - other.atNanos <= 0 ? this : other;
  }

  @Override
  public String toString() {
    return isNone() ? "no deadline" : left().toMillis() + " ms left of " + budget.toMillis();
  }
}
