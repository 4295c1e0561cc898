package dev.paastis.internal.lifecycle;

import java.time.Duration;
import java.util.Optional;

/**
 * When readiness probes an app's web URL next during a boot, from when the boot should end: every
 * {@link #FAST} around that time, where the answer is most likely to come, so that the waiting
 * request is served within a few tens of milliseconds of the app being up; less often before it,
 * where a probe is most likely wasted; backing off after it, where the boot is slow anyway.
 *
 * <p>Without an expectation (the app's first wake), the delay grows with the time waited, a
 * twentieth of it: the answer comes within about 5% of the boot time, a probe or two a second on a
 * long boot.
 */
final class ProbeSchedule {

  static final Duration FAST = Duration.ofMillis(20);
  static final Duration SLOWEST = Duration.ofSeconds(1);

  /** The probe delay before the window, a tenth of the expected boot, but at least this. */
  static final Duration EARLY_MIN = Duration.ofMillis(50);

  /** The window's half width: a fifth of the expected boot, but at least this. */
  static final Duration MIN_MARGIN = Duration.ofMillis(150);

  private final Optional<Duration> expected;

  ProbeSchedule(Optional<Duration> expected) {
    this.expected = expected;
  }

  /** The expected boot time this schedule is built around, if any. */
  Optional<Duration> expected() {
    return expected;
  }

  /** Whether {@code elapsed} falls around the expected end of the boot; never without one. */
  boolean aroundExpectedEnd(Duration elapsed) {
    return expected.isPresent()
        && elapsed.compareTo(expected.get().minus(margin())) >= 0
        && elapsed.compareTo(expected.get().plus(margin())) <= 0;
  }

  /** Whether the boot should be over by {@code elapsed}, and only just; never without one. */
  boolean justPastExpectedEnd(Duration elapsed) {
    return aroundExpectedEnd(elapsed) && elapsed.compareTo(expected.get()) >= 0;
  }

  /** The end of the time around the expected end of the boot: past it, the boot is late. */
  Optional<Duration> windowEnd() {
    return expected.map(boot -> boot.plus(margin()));
  }

  /** A fifth of the expected boot, at least {@link #MIN_MARGIN}. */
  private Duration margin() {
    return max(expected.orElseThrow().dividedBy(5), MIN_MARGIN);
  }

  /** The delay before the next probe, {@code elapsed} after the start was requested. */
  Duration delayAfter(Duration elapsed) {
    if (expected.isEmpty()) {
      return backingOff(elapsed);
    }
    if (aroundExpectedEnd(elapsed)) {
      return FAST;
    }
    Duration boot = expected.get();
    Duration windowStart = boot.minus(margin());
    if (elapsed.compareTo(windowStart) < 0) {
      Duration early = clamp(boot.dividedBy(10), EARLY_MIN, SLOWEST);
      return max(min(early, windowStart.minus(elapsed)), FAST);
    }
    return backingOff(elapsed);
  }

  private static Duration backingOff(Duration elapsed) {
    return clamp(elapsed.dividedBy(20), FAST, SLOWEST);
  }

  private static Duration clamp(Duration value, Duration low, Duration high) {
    return min(max(value, low), high);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
