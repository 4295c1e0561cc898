package dev.paastis.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When to start a sleeping app before its usual hours, so that its first user does not wait.
 *
 * <p>An hour is usual when the app was used in at least {@value #WEEKS_USED_AT_LEAST} of the
 * {@value #WEEKS_LOOKED_AT} same weekday-hours before it: for epoch hour {@code H}, the hours
 * {@code H-168}, {@code H-336}, {@code H-504} and {@code H-672}, which the 28 days of an {@link
 * ActivityHistory} hold. Hours are UTC hours, so a usual hour follows the clock of the users only
 * as long as their zone's offset does not change (a daylight saving change shifts it by an hour for
 * up to four weeks). The app is started {@code lead} before a usual hour begins.
 */
public final class PrewarmPlan {

  static final int WEEK_HOURS = 7 * 24;
  static final int WEEKS_LOOKED_AT = 4;
  static final int WEEKS_USED_AT_LEAST = 3;

  /** The shortest lead learned from wake durations. */
  static final Duration SHORTEST_LEAD = Duration.ofMinutes(1);

  private PrewarmPlan() {}

  /**
   * The usual hour whose pre-warm is due at {@code now}: the earliest usual epoch hour {@code H}
   * with {@code start(H) - lead <= now < start(H)}; empty when there is none, or when {@code lead}
   * is not positive. The caller starts the app once per hour answered.
   */
  public static Optional<Long> dueHour(ActivityHistory history, Instant now, Duration lead) {
    if (lead.isNegative() || lead.isZero()) {
      return Optional.empty();
    }
    long currentHour = ActivityHistory.epochHour(now);
    // start(H) - lead <= now holds for no hour past these
    long lastHour = currentHour + 1 + lead.toHours();
    for (long hour = currentHour + 1; hour <= lastHour; hour++) {
      boolean leadHasCome = !ActivityHistory.startOf(hour).minus(lead).isAfter(now);
      if (leadHasCome && isUsual(history, hour)) {
        return Optional.of(hour);
      }
    }
    return Optional.empty();
  }

  /**
   * The next instant at or after {@code now} at which a pre-warm is due, as the history stands now
   * (for display): {@code now} when one is due already, else {@code lead} before the first usual
   * hour of the next {@value #WEEK_HOURS}; empty when there is none, or when {@code lead} is not
   * positive.
   */
  public static Optional<Instant> nextPrewarm(ActivityHistory history, Instant now, Duration lead) {
    if (dueHour(history, now, lead).isPresent()) {
      return Optional.of(now);
    }
    if (lead.isNegative() || lead.isZero()) {
      return Optional.empty();
    }
    long currentHour = ActivityHistory.epochHour(now);
    for (long hour = currentHour + 1; hour <= currentHour + WEEK_HOURS; hour++) {
      if (isUsual(history, hour)) {
        // not due now, so its lead begins after now
        return Optional.of(ActivityHistory.startOf(hour).minus(lead));
      }
    }
    return Optional.empty();
  }

  /**
   * How long before a usual hour to start the app: {@code configured} when given, else twice the
   * median of its recent wake durations, {@link #SHORTEST_LEAD} at least (and when there are none).
   */
  public static Duration lead(Optional<Duration> configured, List<Duration> recentWakeDurations) {
    if (configured.isPresent()) {
      return configured.get();
    }
    if (recentWakeDurations.isEmpty()) {
      return SHORTEST_LEAD;
    }
    List<Duration> sorted = recentWakeDurations.stream().sorted().toList();
    int middle = sorted.size() / 2;
    Duration median =
        sorted.size() % 2 == 1
            ? sorted.get(middle)
            : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
    Duration twice = median.multipliedBy(2);
    return twice.compareTo(SHORTEST_LEAD) < 0 ? SHORTEST_LEAD : twice;
  }

  /** Whether the app was used in at least 3 of the 4 same weekday-hours before {@code hour}. */
  static boolean isUsual(ActivityHistory history, long hour) {
    int weeksUsed = 0;
    for (int week = 1; week <= WEEKS_LOOKED_AT; week++) {
      if (history.usedIn(hour - (long) week * WEEK_HOURS)) {
        weeksUsed++;
      }
    }
    return weeksUsed >= WEEKS_USED_AT_LEAST;
  }
}
