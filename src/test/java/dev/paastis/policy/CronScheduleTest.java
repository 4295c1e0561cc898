package dev.paastis.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CronScheduleTest {

  @ParameterizedTest(name = "{0} from {1} fires next at {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "* * * * * *    | 2026-12-02T12:00:09.900Z | 2026-12-02T12:00:10Z",
        "*/10 * * * * * | 2026-12-02T12:00:09.900Z | 2026-12-02T12:00:10Z",
        "* * * * *      | 2026-12-02T12:00:09.900Z | 2026-12-02T12:01Z",
        "0 12 * * *     | 2026-12-02T12:00Z        | 2026-12-03T12:00Z",
      })
  void the_next_tick_is_the_first_whole_second_on_the_schedule_after_now(
      String expression, ZonedDateTime now, ZonedDateTime next) {
    assertThat(CronSchedule.parse(expression).nextAfter(now)).contains(next);
  }

  @ParameterizedTest(name = "{0} at {1} fired last at {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "*/10 * * * * * | 2026-12-02T12:00:10Z       | 2026-12-02T12:00:10Z",
        "*/10 * * * * * | 2026-12-02T12:00:10.000Z   | 2026-12-02T12:00:10Z",
        "*/10 * * * * * | 2026-12-02T12:00:10.500Z   | 2026-12-02T12:00:10Z",
        "*/10 * * * * * | 2026-12-02T12:00:09.900Z   | 2026-12-02T12:00:00Z",
        "* * * * * *    | 2026-12-02T12:00:09.999Z   | 2026-12-02T12:00:09Z",
        "* * * * *      | 2026-12-02T12:01:00Z       | 2026-12-02T12:01Z",
        "* * * * *      | 2026-12-02T12:00:59.999Z   | 2026-12-02T12:00Z",
        "0 12 * * *     | 2026-12-02T12:00Z          | 2026-12-02T12:00Z",
        "0 12 * * *     | 2026-12-02T11:59:59.999Z   | 2026-12-01T12:00Z",
        "0 0 1 1 *      | 2026-06-02T12:00Z          | 2026-01-01T00:00Z",
        "0 0 29 2 *     | 2026-06-02T12:00Z          | 2024-02-29T00:00Z",
      })
  void the_last_tick_is_the_newest_whole_second_on_the_schedule_at_or_before_now(
      String expression, ZonedDateTime now, ZonedDateTime last) {
    assertThat(CronSchedule.parse(expression).lastAtOrBefore(now)).contains(last);
  }

  @Test
  void the_last_tick_is_read_on_the_wall_clock_of_the_zone_of_now() {
    CronSchedule weekdayMornings = CronSchedule.parse("30 7 * * 1-5");

    // Monday 30 March 2026, the day after the change to summer time: 07:30 is 05:30 UTC
    assertThat(weekdayMornings.lastAtOrBefore(paris("2026-03-30T08:00+02:00")))
        .contains(paris("2026-03-30T07:30+02:00"));
    // on Saturday, the last one was Friday's, still in winter time
    assertThat(weekdayMornings.lastAtOrBefore(paris("2026-03-28T12:00+01:00")))
        .contains(paris("2026-03-27T07:30+01:00"));
  }

  @Test
  void schedules_of_the_same_expression_are_equal() {
    assertThat(CronSchedule.parse(" 30 7 * * 1-5"))
        .isEqualTo(CronSchedule.parse("30 7 * * 1-5 "))
        .hasSameHashCodeAs(CronSchedule.parse("30 7 * * 1-5"))
        .isNotEqualTo(CronSchedule.parse("30 7 * * 1-4"));
  }

  private static ZonedDateTime paris(String offsetDateTime) {
    return ZonedDateTime.parse(offsetDateTime + "[Europe/Paris]");
  }
}
