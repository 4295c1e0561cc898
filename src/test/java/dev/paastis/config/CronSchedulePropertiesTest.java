package dev.paastis.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * What {@link CronSchedule} promises: generated 5-field (minute precision) and 6-field (seconds
 * first) expressions are accepted, and the next tick is the first instant strictly after the given
 * one that matches every field; any other text is a {@link ConfigException} naming the variable.
 */
class CronSchedulePropertiesTest {

  private static final String VARIABLE = "START_AND_STOP_CHECKING_INTERVAL_CRON";

  /** 8 years hold every day of month of every month, 29 February included. */
  private static final int DAYS_SEARCHED = 8 * 366;

  @Property(tries = 500)
  @Label("'m h * * *' fires next at h:m:00, strictly after now and within a day")
  void a_daily_expression_fires_next_at_its_minute_and_hour(
      @ForAll("minute") int minute, @ForAll("hour") int hour, @ForAll("now") ZonedDateTime now) {
    CronSchedule cron = CronSchedule.parse(minute + " " + hour + " * * *");

    ZonedDateTime next = cron.nextAfter(now).orElseThrow();

    assertThat(next).isAfter(now);
    assertThat(next.getMinute()).isEqualTo(minute);
    assertThat(next.getHour()).isEqualTo(hour);
    assertThat(next.getSecond()).isZero();
    assertThat(next.getNano()).isZero();
    assertThat(Duration.between(now, next)).isLessThanOrEqualTo(Duration.ofDays(1));
    assertThat(cron.delayAfter(now)).contains(Duration.between(now, next));
  }

  @Property(tries = 1000)
  @Label("a 5-field expression fires next at the first matching minute strictly after now")
  void a_five_field_expression_fires_at_the_first_matching_minute(
      @ForAll("fiveFields") Fields fields, @ForAll("now") ZonedDateTime now) {
    CronSchedule cron = CronSchedule.parse(fields.expression());

    Optional<ZonedDateTime> next = cron.nextAfter(now);

    Statistics.collect(next.isPresent() ? "fires" : "never fires");
    assertThat(next.map(ZonedDateTime::toInstant)).isEqualTo(fields.firstAfter(now));
    next.ifPresent(tick -> assertThat(tick).isAfter(now));
  }

  @Property(tries = 1000)
  @Label("a 6-field expression fires next at the first matching second strictly after now")
  void a_six_field_expression_fires_at_the_first_matching_second(
      @ForAll("sixFields") Fields fields, @ForAll("now") ZonedDateTime now) {
    CronSchedule cron = CronSchedule.parse(fields.expression());

    Optional<ZonedDateTime> next = cron.nextAfter(now);

    assertThat(next.map(ZonedDateTime::toInstant)).isEqualTo(fields.firstAfter(now));
    next.ifPresent(tick -> assertThat(tick).isAfter(now));
  }

  @Property(tries = 1000)
  @Label("in a zone with daylight saving time, the next tick is still strictly after now")
  void the_next_tick_is_after_now_across_daylight_saving_changes(
      @ForAll("fiveOrSixFields") Fields fields,
      @ForAll("nearDaylightSavingChange") ZonedDateTime now) {
    CronSchedule cron = CronSchedule.parse(fields.expression());

    Optional<ZonedDateTime> next = cron.nextAfter(now);

    next.ifPresent(tick -> assertThat(tick).isAfter(now));
    cron.delayAfter(now).ifPresent(delay -> assertThat(delay).isPositive());
    // the fields match the wall clock of the zone; a time the change skips is not a tick
    // (cron-utils leaves it out, so '30 2 * * *' does not fire on that day)
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
      assertThat(Duration.between(now, next.get())).isLessThanOrEqualTo(Duration.ofHours(50));
    }
  }

  @Property(tries = 3000)
  @Label("any text is a schedule or a ConfigException naming the variable, never another exception")
  void any_text_is_a_schedule_or_names_the_variable(
      @ForAll("anyText") String text, @ForAll("now") ZonedDateTime now) {
    Variables variables = new Variables(Map.of(VARIABLE, text));

    Throwable thrown = catchThrowable(() -> variables.cron(VARIABLE, "* * * * *"));

    Statistics.collect(thrown == null ? "parsed" : "refused");
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
  }

  /** One field as written and the values it allows. */
  record Field(String text, SortedSet<Integer> values) {}

  @Provide
  Arbitrary<Integer> minute() {
    return Arbitraries.integers().between(0, 59);
  }

  @Provide
  Arbitrary<Integer> hour() {
    return Arbitraries.integers().between(0, 23);
  }

  /** An instant between 2000 and 2090, at any second, sometimes with nanoseconds, in UTC. */
  @Provide
  Arbitrary<ZonedDateTime> now() {
    Instant from = Instant.parse("2000-01-01T00:00:00Z");
    Instant to = Instant.parse("2090-01-01T00:00:00Z");
    Arbitrary<ZonedDateTime> anySecond =
        Arbitraries.longs()
            .between(from.getEpochSecond(), to.getEpochSecond())
            .map(second -> Instant.ofEpochSecond(second).atZone(ZoneOffset.UTC));
    return Arbitraries.oneOf(
        anySecond,
        anySecond.map(time -> time.withSecond(0)),
        Combinators.combine(anySecond, Arbitraries.integers().between(0, 999_999_999))
            .as(ZonedDateTime::withNano));
  }

  /** Within a day of a daylight saving change of a few zones, in that zone. */
  @Provide
  Arbitrary<ZonedDateTime> nearDaylightSavingChange() {
    Arbitrary<ZoneId> zone =
        Arbitraries.of(
                "Europe/Paris", "America/New_York", "Australia/Lord_Howe", "America/Santiago")
            .map(ZoneId::of);
    return Combinators.combine(
            zone,
            Arbitraries.integers().between(2020, 2040),
            Arbitraries.longs().between(-86_400, 86_400))
        .as(
            (id, year, offset) -> {
              var transition =
                  id.getRules()
                      .nextTransition(LocalDate.of(year, 1, 1).atStartOfDay(id).toInstant());
              return transition.getInstant().plusSeconds(offset).atZone(id);
            });
  }

  @Provide
  Arbitrary<Fields> fiveFields() {
    return fields(false);
  }

  @Provide
  Arbitrary<Fields> sixFields() {
    return fields(true);
  }

  @Provide
  Arbitrary<Fields> fiveOrSixFields() {
    return Arbitraries.oneOf(fields(false), fields(true));
  }

  /**
   * Every field from *, n, a-b, lists, {@literal *}/s and a-b/s. At most one of day of month and
   * day of week is restricted: when both are, 5-field cron fires on either (Unix) and 6-field cron
   * on both (Spring), which this test leaves to example tests.
   */
  private static Arbitrary<Fields> fields(boolean withSeconds) {
    Arbitrary<Field> seconds = withSeconds ? field(0, 59) : Arbitraries.just(every(0, 0, "0"));
    Arbitrary<Field> daysOfMonth = field(1, 31);
    Arbitrary<Field> daysOfWeek = field(0, 6);
    Arbitrary<List<Field>> days =
        Arbitraries.oneOf(
            daysOfMonth.map(dom -> List.of(dom, every(0, 6, "*"))),
            daysOfWeek.map(dow -> List.of(every(1, 31, "*"), dow)));
    return Combinators.combine(seconds, field(0, 59), field(0, 23), days, field(1, 12))
        .as(
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

  private static Arbitrary<Field> field(int min, int max) {
    Arbitrary<Integer> value = Arbitraries.integers().between(min, max);
    Arbitrary<Field> single = value.map(n -> new Field("" + n, range(n, n, 1)));
    Arbitrary<Field> span =
        Combinators.combine(value, value)
            .as(
                (a, b) ->
                    new Field(
                        Math.min(a, b) + "-" + Math.max(a, b),
                        range(Math.min(a, b), Math.max(a, b), 1)));
    // cron-utils refuses a step as large as the range of the field (*/60 for minutes)
    Arbitrary<Integer> step = Arbitraries.integers().between(1, max - min);
    Arbitrary<Field> everyStep = step.map(s -> new Field("*/" + s, range(min, max, s)));
    Arbitrary<Field> spanStep =
        Combinators.combine(span, step)
            .as(
                (range, s) ->
                    new Field(
                        range.text() + "/" + s,
                        range(range.values().first(), range.values().last(), s)));
    Arbitrary<Field> list =
        Arbitraries.oneOf(single, span)
            .list()
            .ofMinSize(2)
            .ofMaxSize(3)
            .map(
                parts ->
                    new Field(
                        parts.stream().map(Field::text).collect(Collectors.joining(",")),
                        parts.stream()
                            .flatMap(part -> part.values().stream())
                            .collect(Collectors.toCollection(TreeSet::new))));
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.just(every(min, max, "*"))),
        Tuple.of(3, single),
        Tuple.of(1, span),
        Tuple.of(1, everyStep),
        Tuple.of(1, spanStep),
        Tuple.of(1, list));
  }

  /** Cron-like tokens in 0 to 8 fields, and plain garbage. */
  @Provide
  Arbitrary<String> anyText() {
    Arbitrary<String> token =
        Arbitraries.oneOf(
            Arbitraries.of(
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
            Arbitraries.integers().between(-5, 100).map(String::valueOf));
    Arbitrary<String> fieldText =
        token.list().ofMinSize(1).ofMaxSize(3).map(parts -> String.join("", parts));
    Arbitrary<String> separator = Arbitraries.of(" ", " ", " ", "  ", "\t", "\n");
    Arbitrary<String> fields =
        Combinators.combine(fieldText.list().ofMinSize(0).ofMaxSize(8), separator)
            .as((parts, sep) -> String.join(sep, parts));
    return Arbitraries.oneOf(
        fields,
        fields,
        fields,
        Arbitraries.strings().ofMaxLength(20),
        Arbitraries.strings().withChars("*/-,?LW#0123456789 ").ofMaxLength(20));
  }
}
