package dev.paastis.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Short texts for times and durations, as a person reads them in a table. */
final class Times {

  private Times() {}

  /** {@code 45s}, {@code 12m}, {@code 1h5m}, {@code 2d3h}: at most two units, rounded down. */
  static String compact(Duration duration) {
    long seconds = Math.max(0, duration.getSeconds());
    if (seconds < 60) {
      return seconds + "s";
    }
    if (seconds < 3600) {
      return seconds / 60 + "m";
    }
    if (seconds < 86_400) {
      return twoUnits(seconds / 3600, "h", seconds % 3600 / 60, "m");
    }
    return twoUnits(seconds / 86_400, "d", seconds % 86_400 / 3600, "h");
  }

  private static String twoUnits(long big, String bigUnit, long small, String smallUnit) {
    return small == 0 ? big + bigUnit : big + bigUnit + small + smallUnit;
  }

  /** {@code 3m ago}; {@code just now} under a second or when {@code then} is ahead of now. */
  static String ago(Instant then, Instant now) {
    Duration elapsed = Duration.between(then, now);
    return elapsed.getSeconds() < 1 ? "just now" : compact(elapsed) + " ago";
  }

  /** {@code 12m} until {@code then}; {@code due} once it has passed. */
  static String until(Instant then, Instant now) {
    Duration left = Duration.between(now, then);
    return left.getSeconds() < 1 ? "due" : compact(left);
  }

  /** {@code 12.5h}; {@code 0h} for none, {@code <0.1h} for a few minutes. */
  static String hours(long seconds) {
    if (seconds <= 0) {
      return "0h";
    }
    if (seconds < 360) {
      return "<0.1h";
    }
    return String.format(Locale.ROOT, "%.1fh", seconds / 3600.0);
  }

  /** {@code 2.3s}: how long a command waited. */
  static String elapsed(Duration duration) {
    return String.format(Locale.ROOT, "%.1fs", duration.toMillis() / 1000.0);
  }

  /** ISO-8601 UTC to the second: {@code 2026-11-25T10:15:30Z}. */
  static String iso(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
