package dev.paastis.config;

import static dev.paastis.testing.Generators.described;
import static dev.paastis.testing.Generators.stringsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.paastis.policy.CronSchedule;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * What {@link CronSchedule} promises: generated 5-field (minute precision) and 6-field (seconds
 * first) expressions are accepted, and the next tick is the first instant strictly after the given
 * one that matches every field, and the last tick the newest instant at or before it that does; any
 * other text is a {@link ConfigException} naming the variable.
 */
class CronSchedulePropertiesTest {

  private static final String VARIABLE = "START_AND_STOP_CHECKING_INTERVAL_CRON";

  /** 8 years hold every day of month of every month, 29 February included. */
  private static final int DAYS_SEARCHED = 8 * 366;

  @Test
  void m_h_star_star_star_fires_next_at_h_m_00_strictly_after_now_and_within_a_day() {
    qt().withExamples(500)
        .forAll(integers().between(0, 59), integers().between(0, 23), now())
        .checkAssert(
            (minute, hour, now) -> {
              CronSchedule cron = CronSchedule.parse(minute + " " + hour + " * * *");

              ZonedDateTime next = cron.nextAfter(now).orElseThrow();

              assertThat(next).isAfter(now);
              assertThat(next.getMinute()).isEqualTo(minute);
              assertThat(next.getHour()).isEqualTo(hour);
              assertThat(next.getSecond()).isZero();
              assertThat(next.getNano()).isZero();
              assertThat(Duration.between(now, next)).isLessThanOrEqualTo(Duration.ofDays(1));
              assertThat(cron.delayAfter(now)).contains(Duration.between(now, next));
            });
  }

  @Test
  void a_five_field_expression_fires_next_at_the_first_matching_minute_strictly_after_now() {
    qt().withExamples(1000)
        .forAll(fields(false), now())
        .checkAssert(
            (fields, now) -> {
              CronSchedule cron = CronSchedule.parse(fields.expression());

              Optional<ZonedDateTime> next = cron.nextAfter(now);

              assertThat(next.map(ZonedDateTime::toInstant)).isEqualTo(fields.firstAfter(now));
              next.ifPresent(tick -> assertThat(tick).isAfter(now));
            });
  }

  @Test
  void a_six_field_expression_fires_next_at_the_first_matching_second_strictly_after_now() {
    qt().withExamples(1000)
        .forAll(fields(true), now())
        .checkAssert(
            (fields, now) -> {
              CronSchedule cron = CronSchedule.parse(fields.expression());

              Optional<ZonedDateTime> next = cron.nextAfter(now);

              assertThat(next.map(ZonedDateTime::toInstant)).isEqualTo(fields.firstAfter(now));
              next.ifPresent(tick -> assertThat(tick).isAfter(now));
            });
  }

  @Test
  void the_last_tick_is_the_newest_instant_at_or_before_now_that_matches_every_field() {
    qt().withExamples(1000)
        .forAll(Generate.oneOf(fields(false), fields(true)), now())
        .checkAssert(
            (fields, now) -> {
              CronSchedule cron = CronSchedule.parse(fields.expression());

              Optional<ZonedDateTime> last = cron.lastAtOrBefore(now);

              assertThat(last.map(ZonedDateTime::toInstant)).isEqualTo(fields.lastAtOrBefore(now));
              last.ifPresent(tick -> assertThat(tick).isBeforeOrEqualTo(now));
            });
  }

  @Test
  void a_tick_is_its_own_last_tick() {
    qt().withExamples(500)
        .forAll(Generate.oneOf(fields(false), fields(true)), now())
        .checkAssert(
            (fields, now) -> {
              CronSchedule cron = CronSchedule.parse(fields.expression());

              cron.nextAfter(now)
                  .ifPresent(tick -> assertThat(cron.lastAtOrBefore(tick)).contains(tick));
            });
  }

  @Test
  void in_a_zone_with_daylight_saving_time_the_next_tick_is_still_strictly_after_now() {
    qt().withExamples(1000)
        .forAll(Generate.oneOf(fields(false), fields(true)), nearDaylightSavingChange())
        .checkAssert(
            (fields, now) -> {
              CronSchedule cron = CronSchedule.parse(fields.expression());

              Optional<ZonedDateTime> next = cron.nextAfter(now);

              next.ifPresent(tick -> assertThat(tick).isAfter(now));
              cron.delayAfter(now).ifPresent(delay -> assertThat(delay).isPositive());
              // the fields match the wall clock of the zone; a time the change skips is not a
              // tick (cron-utils leaves it out, so '30 2 * * *' does not fire on that day)
              next.ifPresent(
                  tick -> {
                    assertThat(fields.seconds()).contains(tick.getSecond());
                    assertThat(fields.minutes()).contains(tick.getMinute());
                    assertThat(fields.hours()).contains(tick.getHour());
                    assertThat(fields.daysOfMonth()).contains(tick.getDayOfMonth());
                    assertThat(fields.months()).contains(tick.getMonthValue());
                    assertThat(fields.daysOfWeek()).contains(tick.getDayOfWeek().getValue() % 7);
                  });
              if (fields.firesEveryDay()) {
                assertThat(next).isPresent();
                assertThat(Duration.between(now, next.get()))
                    .isLessThanOrEqualTo(Duration.ofHours(50));
              }
            });
  }

  @Test
  void any_text_is_a_schedule_or_a_config_exception_naming_the_variable_never_another_exception() {
    qt().withExamples(3000)
        .forAll(anyText(), now())
        .checkAssert(
            (text, now) -> {
              Variables variables = new Variables(Map.of(VARIABLE, text));

              Throwable thrown = catchThrowable(() -> variables.cron(VARIABLE, "* * * * *"));

              if (thrown == null) {
                // what parses can be scheduled: a tick strictly after now, or none at all
                CronSchedule cron = variables.cron(VARIABLE, "* * * * *");
                cron.nextAfter(now).ifPresent(tick -> assertThat(tick).isAfter(now));
                return;
              }
              assertThat(thrown).isExactlyInstanceOf(ConfigException.class);
              assertThat(thrown.getMessage())
                  .startsWith(VARIABLE + "=" + Variables.oneLine(text.trim()) + " is not valid: ")
                  .doesNotContain("\n", "\r");
            });
  }

  /** A cron expression and, per field, the values it allows. */
  record Fields(
      String expression,
      SortedSet<Integer> seconds,
      SortedSet<Integer> minutes,
      SortedSet<Integer> hours,
      SortedSet<Integer> daysOfMonth,
      SortedSet<Integer> months,
      SortedSet<Integer> daysOfWeek) {

    /** The expression alone: what a failure shows. */
    @Override
    public String toString() {
      return "'" + expression + "'";
    }

    boolean firesEveryDay() {
      return daysOfMonth.size() == 31 && months.size() == 12 && daysOfWeek.size() == 7;
    }

    /** The first instant strictly after {@code now} (in UTC) allowed by every field, by search. */
    Optional<Instant> firstAfter(ZonedDateTime now) {
      LocalDateTime start = now.withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
      for (int day = 0; day <= DAYS_SEARCHED; day++) {
        LocalDate date = start.toLocalDate().plusDays(day);
        if (!months.contains(date.getMonthValue())
            || !daysOfMonth.contains(date.getDayOfMonth())
            || !daysOfWeek.contains(date.getDayOfWeek().getValue() % 7)) {
          continue;
        }
        for (int hour : hours) {
          for (int minute : minutes) {
            for (int second : seconds) {
              LocalDateTime tick = date.atTime(hour, minute, second);
              if (tick.isAfter(start)) {
                return Optional.of(tick.toInstant(ZoneOffset.UTC));
              }
            }
          }
        }
      }
      return Optional.empty();
    }

    /** The newest instant at or before {@code now} (in UTC) allowed by every field, by search. */
    Optional<Instant> lastAtOrBefore(ZonedDateTime now) {
      LocalDateTime start = now.withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
      for (int day = 0; day <= DAYS_SEARCHED; day++) {
        LocalDate date = start.toLocalDate().minusDays(day);
        if (!months.contains(date.getMonthValue())
            || !daysOfMonth.contains(date.getDayOfMonth())
            || !daysOfWeek.contains(date.getDayOfWeek().getValue() % 7)) {
          continue;
        }
        for (int hour : descending(hours)) {
          for (int minute : descending(minutes)) {
            for (int second : descending(seconds)) {
              LocalDateTime tick = date.atTime(hour, minute, second);
              if (!tick.isAfter(start)) {
                return Optional.of(tick.toInstant(ZoneOffset.UTC));
              }
            }
          }
        }
      }
      return Optional.empty();
    }

    private static SortedSet<Integer> descending(SortedSet<Integer> values) {
      return new TreeSet<>(values).descendingSet();
    }
  }

  /** One field as written and the values it allows. */
  record Field(String text, SortedSet<Integer> values) {}

  /** An instant between 2000 and 2090, at any second, sometimes with nanoseconds, in UTC. */
  private static Gen<ZonedDateTime> now() {
    Instant from = Instant.parse("2000-01-01T00:00:00Z");
    Instant to = Instant.parse("2090-01-01T00:00:00Z");
    Gen<ZonedDateTime> anySecond =
        longs()
            .between(from.getEpochSecond(), to.getEpochSecond())
            .map(second -> Instant.ofEpochSecond(second).atZone(ZoneOffset.UTC));
    return Generate.oneOf(
        anySecond,
        anySecond.map(time -> time.withSecond(0)),
        anySecond.zip(integers().between(0, 999_999_999), ZonedDateTime::withNano));
  }

  /** Within a day of a daylight saving change of a few zones, in that zone. */
  private static Gen<ZonedDateTime> nearDaylightSavingChange() {
    Gen<ZoneId> zone =
        arbitrary()
            .pick("Europe/Paris", "America/New_York", "Australia/Lord_Howe", "America/Santiago")
            .map(id -> ZoneId.of(id));
    return zone.zip(
        integers().between(2020, 2040),
        longs().between(-86_400, 86_400),
        (id, year, offset) -> {
          var transition =
              id.getRules().nextTransition(LocalDate.of(year, 1, 1).atStartOfDay(id).toInstant());
          return transition.getInstant().plusSeconds(offset).atZone(id);
        });
  }

  /**
   * Every field from *, n, a-b, lists, {@literal *}/s and a-b/s. At most one of day of month and
   * day of week is restricted: when both are, 5-field cron fires on either (Unix) and 6-field cron
   * on both (Spring), which this test leaves to example tests.
   */
  private static Gen<Fields> fields(boolean withSeconds) {
    Gen<Field> seconds = withSeconds ? field(0, 59) : arbitrary().constant(every(0, 0, "0"));
    Gen<Field> daysOfMonth = field(1, 31);
    Gen<Field> daysOfWeek = field(0, 6);
    Gen<List<Field>> days =
        Generate.oneOf(
            daysOfMonth.map(dom -> List.of(dom, every(0, 6, "*"))),
            daysOfWeek.map(dow -> List.of(every(1, 31, "*"), dow)));
    return seconds.zip(
        field(0, 59),
        field(0, 23),
        days,
        field(1, 12),
        (second, minute, hour, day, month) -> {
          String expression =
              (withSeconds ? second.text() + " " : "")
                  + String.join(
                      " ",
                      minute.text(),
                      hour.text(),
                      day.get(0).text(),
                      month.text(),
                      day.get(1).text());
          return new Fields(
              expression,
              second.values(),
              minute.values(),
              hour.values(),
              day.get(0).values(),
              month.values(),
              day.get(1).values());
        });
  }

  private static Field every(int from, int to, String text) {
    return new Field(text, range(from, to, 1));
  }

  private static SortedSet<Integer> range(int from, int to, int step) {
    return IntStream.iterate(from, value -> value <= to, value -> value + step)
        .boxed()
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Gen<Field> field(int min, int max) {
    Gen<Integer> value = integers().between(min, max);
    Gen<Field> single = value.map(n -> new Field("" + n, range(n, n, 1)));
    Gen<Field> span =
        value.zip(
            value,
            (a, b) ->
                new Field(
                    Math.min(a, b) + "-" + Math.max(a, b),
                    range(Math.min(a, b), Math.max(a, b), 1)));
    // cron-utils refuses a step as large as the range of the field (*/60 for minutes)
    Gen<Integer> step = integers().between(1, max - min);
    Gen<Field> everyStep = step.map(s -> new Field("*/" + s, range(min, max, s)));
    Gen<Field> spanStep =
        span.zip(
            step,
            (range, s) ->
                new Field(
                    range.text() + "/" + s,
                    range(range.values().first(), range.values().last(), s)));
    Gen<Field> list =
        lists()
            .of(Generate.oneOf(single, span))
            .ofSizeBetween(2, 3)
            .map(
                parts ->
                    new Field(
                        parts.stream().map(Field::text).collect(Collectors.joining(",")),
                        parts.stream()
                            .flatMap(part -> part.values().stream())
                            .collect(Collectors.toCollection(TreeSet::new))));
    return Generate.frequency(
        Pair.of(3, arbitrary().constant(every(min, max, "*"))),
        Pair.of(3, single),
        Pair.of(1, span),
        Pair.of(1, everyStep),
        Pair.of(1, spanStep),
        Pair.of(1, list));
  }

  /** Cron-like tokens in 0 to 8 fields, and plain garbage. */
  private static Gen<String> anyText() {
    Gen<String> token =
        Generate.oneOf(
            arbitrary()
                .pick(
                    "*",
                    "?",
                    "L",
                    "W",
                    "LW",
                    "L-3",
                    "15W",
                    "5#3",
                    "5L",
                    "#",
                    "/",
                    "-",
                    ",",
                    "*/0",
                    "*/-1",
                    "0/5",
                    "1-",
                    "-1",
                    "3-1",
                    "60",
                    "24",
                    "32",
                    "13",
                    "8",
                    "0",
                    "1",
                    "7",
                    "MON",
                    "mon",
                    "JAN",
                    "SUN-SAT",
                    "FRI#5",
                    "99999999999",
                    "1,,2",
                    "1-5/0",
                    "H",
                    "@daily",
                    "\u0661",
                    "*\u00a0*"),
            integers().between(-5, 100).map(n -> String.valueOf(n)));
    Gen<String> fieldText =
        lists().of(token).ofSizeBetween(1, 3).map(parts -> String.join("", parts));
    Gen<String> separator = arbitrary().pick(" ", " ", " ", "  ", "\t", "\n");
    Gen<String> fields =
        lists()
            .of(fieldText)
            .ofSizeBetween(0, 8)
            .zip(separator, (parts, sep) -> String.join(sep, parts));
    return described(
        Generate.oneOf(
            fields,
            fields,
            fields,
            strings().basicMultilingualPlaneAlphabet().ofLengthBetween(0, 20),
            stringsOf("*/-,?LW#0123456789 ", 0, 20)));
  }
}
