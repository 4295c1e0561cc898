package dev.paastis.policy;

import com.cronutils.descriptor.CronDescriptor;
import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/**
 * A cron expression of 5 fields (minute precision, as in the original) or 6 fields (seconds first).
 */
public final class CronSchedule {

  private static final CronParser FIVE_FIELDS =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
  private static final CronParser SIX_FIELDS =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.SPRING));

  private final String expression;
  private final Cron cron;
  private final ExecutionTime executionTime;

  private CronSchedule(String expression, Cron cron) {
    this.expression = expression;
    this.cron = cron;
    this.executionTime = ExecutionTime.forCron(cron);
  }

  /**
   * Parses a 5- or 6-field expression.
   *
   * @throws IllegalArgumentException naming what is wrong with the expression
   */
  public static CronSchedule parse(String expression) {
    String trimmed = expression.trim();
    int fields = trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
    CronParser parser =
        switch (fields) {
          case 5 -> FIVE_FIELDS;
          case 6 -> SIX_FIELDS;
          default ->
              throw new IllegalArgumentException(
                  "a cron expression has 5 fields (minute hour day month weekday) or 6 (seconds"
                      + " first), got "
                      + fields);
        };
    try {
      return new CronSchedule(trimmed, parser.parse(trimmed));
    } catch (IllegalArgumentException invalid) {
      // cron-utils prefixes every reason with this sentence; callers name the expression already
      throw new IllegalArgumentException(
          String.valueOf(invalid.getMessage()).replace("Failed to parse cron expression. ", ""),
          invalid);
    } catch (RuntimeException unreadable) {
      // cron-utils 9.2.1 fails on some malformed fields with other exceptions, such as an
      // ArrayIndexOutOfBoundsException for 'W-1/': still a mistake in the expression
      throw new IllegalArgumentException(
          "a cron field is *, a number, a range a-b, a list a,b or a step */n", unreadable);
    }
  }

  public String expression() {
    return expression;
  }

  /** In English, for people: "at 07:30 every day between Monday and Friday". */
  public String description() {
    try {
      return CronDescriptor.instance(Locale.ENGLISH).describe(cron);
    } catch (RuntimeException e) {
      return expression; // cron-utils cannot word every expression: the expression says it all
    }
  }

  /** The first tick strictly after {@code now}. */
  public Optional<ZonedDateTime> nextAfter(ZonedDateTime now) {
    // Ticks fall on whole seconds. cron-utils 9.2.1 adds one second to 'now' as given for
    // '* * * * * *', which kept its fraction: from 12:00:09.9 it answered 12:00:10.9, not 12:00:10.
    // From the start of the current second, the first tick after it is the first one after now.
    return executionTime.nextExecution(now.truncatedTo(ChronoUnit.SECONDS));
  }

  /**
   * The newest tick at or before {@code now} (a tick exactly at {@code now} counts), empty when the
   * expression never fired before.
   */
  public Optional<ZonedDateTime> lastAtOrBefore(ZonedDateTime now) {
    // cron-utils answers the last tick strictly before the instant given. Ticks fall on whole
    // seconds, so those at or before now are those strictly before the next whole second; from a
    // whole second, no fraction can leak into the answer either (see nextAfter).
    return executionTime.lastExecution(now.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1));
  }

  /** Time from {@code now} to the next tick, empty when the expression never fires again. */
  public Optional<Duration> delayAfter(ZonedDateTime now) {
    return nextAfter(now).map(next -> Duration.between(now, next));
  }

  /** Two schedules are equal when their expressions are: the expression decides every tick. */
  @Override
  public boolean equals(Object other) {
    return other instanceof CronSchedule schedule && expression.equals(schedule.expression);
  }

  @Override
  public int hashCode() {
    return expression.hashCode();
  }

  @Override
  public String toString() {
    return expression;
  }
}
