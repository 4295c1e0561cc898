package dev.paastis.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
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
}
