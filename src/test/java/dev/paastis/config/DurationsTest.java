package dev.paastis.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

  @ParameterizedTest(name = "''{0}'' with bare numbers in {1} is {2}")
  @CsvSource({
    "500ms, MINUTES, PT0.5S",
    "30s,   MINUTES, PT30S",
    "10m,   SECONDS, PT10M",
    "2h,    SECONDS, PT2H",
    "1d,    MINUTES, PT24H",
    "15,    MINUTES, PT15M",
    "45,    SECONDS, PT45S",
    "0,     MINUTES, PT0S",
    "'  7m ', SECONDS, PT7M"
  })
  void every_unit_and_a_bare_number_in_the_unit_of_the_variable(
      String value, ChronoUnit bareUnit, Duration expected) {
    assertThat(Durations.parse("SOME_TIME", value, bareUnit)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "''{0}'' is refused")
  @ValueSource(
      strings = {
        "ten",
        "-5",
        "1.5h",
        "10 m",
        "10M",
        "3w",
        "m",
        "",
        "99999999999999999999d",
        "9223372036854775807s",
        "153722867280913"
      })
  void anything_else_is_refused_naming_the_variable(String value) {
    assertThatThrownBy(
            () -> Durations.parse("START_AND_STOP_MAX_IDLE_TIME", value, ChronoUnit.MINUTES))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "START_AND_STOP_MAX_IDLE_TIME="
                + value
                + " is not valid: expected a duration such as 30s, 10m or 2h"
                + " (a bare number is minutes)");
  }

  @Test
  void the_message_says_which_unit_a_bare_number_is_in() {
    assertThatThrownBy(() -> Durations.parse("HOOKS_TIMEOUT", "soon", ChronoUnit.SECONDS))
        .hasMessage(
            "HOOKS_TIMEOUT=soon is not valid: expected a duration such as 30s, 10m or 2h"
                + " (a bare number is seconds)");
  }

  @ParameterizedTest(name = "''{0}'' is refused where a positive duration is needed")
  @ValueSource(strings = {"0", "0s", "0ms"})
  void zero_is_refused_where_a_positive_duration_is_needed(String value) {
    assertThatThrownBy(() -> Durations.parsePositive("HOOKS_TIMEOUT", value, ChronoUnit.SECONDS))
        .hasMessage(
            "HOOKS_TIMEOUT="
                + value
                + " is not valid: expected a duration greater than zero such as 30s, 10m or 2h"
                + " (a bare number is seconds)");
  }

  @ParameterizedTest(name = "{0} is written {1}")
  @CsvSource({
    "PT0S, 0s",
    "PT0.5S, 500ms",
    "PT1.5S, 1500ms",
    "PT90S, 90s",
    "PT15M, 15m",
    "PT2H, 2h",
    "PT24H, 1d",
    "PT36H, 36h"
  })
  void a_duration_is_written_in_its_largest_exact_unit_and_reads_back(
      Duration duration, String text) {
    assertThat(Durations.format(duration)).isEqualTo(text);
    assertThat(Durations.parse("X", text, ChronoUnit.MINUTES)).isEqualTo(duration);
  }
}
