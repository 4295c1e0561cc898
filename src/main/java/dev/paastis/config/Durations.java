package dev.paastis.config;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as written in the configuration: {@code 500ms}, {@code 30s}, {@code 10m}, {@code 2h},
 * {@code 1d}, or a bare non-negative integer in a unit chosen per variable (minutes for idle times,
 * as in the original Paastis; seconds for timeouts); at most about 292 years.
 */
public final class Durations {

  private static final Pattern SHAPE = Pattern.compile("(\\d+)(ms|s|m|h|d)?");
  private static final Map<String, ChronoUnit> UNITS =
      Map.of(
          "ms", ChronoUnit.MILLIS,
          "s", ChronoUnit.SECONDS,
          "m", ChronoUnit.MINUTES,
          "h", ChronoUnit.HOURS,
          "d", ChronoUnit.DAYS);

  /**
   * About 292 years: the longest duration whose nanoseconds fit in a long. Timers, deadlines and
   * {@link #format} read durations as milliseconds or nanoseconds, so a longer one would be
   * accepted here and throw ArithmeticException later, far from the variable that set it.
   */
  private static final Duration LONGEST = Duration.ofNanos(Long.MAX_VALUE);

  private Durations() {}

  /**
   * Parses {@code value}, zero included.
   *
   * @throws ConfigException naming {@code variable}, the value and the accepted shapes
   */
  public static Duration parse(String variable, String value, ChronoUnit bareUnit) {
    return tryParse(value, bareUnit)
        .orElseThrow(() -> Variables.invalid(variable, value, accepted(bareUnit)));
  }

  /** Like {@link #parse}, but zero is refused too. */
  public static Duration parsePositive(String variable, String value, ChronoUnit bareUnit) {
    Duration duration = parse(variable, value, bareUnit);
    if (duration.isZero()) {
      throw Variables.invalid(variable, value, acceptedPositive(bareUnit));
    }
    return duration;
  }

  /** The shortest text {@link #parse} reads back as {@code duration}: 15m, 90s, 1500ms. */
  public static String format(Duration duration) {
    if (duration.isZero()) {
      return "0s";
    }
    if (duration.getNano() % 1_000_000 != 0) {
      return duration.toString();
    }
    long millis = duration.toMillis();
    for (String unit : new String[] {"d", "h", "m", "s"}) {
      long size = UNITS.get(unit).getDuration().toMillis();
      if (millis % size == 0) {
        return millis / size + unit;
      }
    }
    return millis + "ms";
  }

  /** The duration {@code value} gives (a bare number in {@code bareUnit}), empty when none. */
  public static Optional<Duration> tryParse(String value, ChronoUnit bareUnit) {
    Matcher match = SHAPE.matcher(value.trim());
    if (!match.matches()) {
      return Optional.empty();
    }
    ChronoUnit unit = match.group(2) == null ? bareUnit : UNITS.get(match.group(2));
    try {
      Duration duration = Duration.of(Long.parseLong(match.group(1)), unit);
      return duration.compareTo(LONGEST) <= 0 ? Optional.of(duration) : Optional.empty();
    } catch (NumberFormatException | ArithmeticException tooLarge) {
      return Optional.empty();
    }
  }

  static String accepted(ChronoUnit bareUnit) {
    return "a duration such as 30s, 10m or 2h (a bare number is " + unitName(bareUnit) + ")";
  }

  static String acceptedPositive(ChronoUnit bareUnit) {
    return "a duration greater than zero such as 30s, 10m or 2h (a bare number is "
        + unitName(bareUnit)
        + ")";
  }

  private static String unitName(ChronoUnit unit) {
    return switch (unit) {
      case MILLIS -> "milliseconds";
      case SECONDS -> "seconds";
      case MINUTES -> "minutes";
      case HOURS -> "hours";
      case DAYS -> "days";
      default -> throw new IllegalArgumentException("no bare number in " + unit);
    };
  }
}
