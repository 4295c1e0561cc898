package dev.paastis.config;

import static dev.paastis.testing.Generators.charsBetween;
import static dev.paastis.testing.Generators.described;
import static dev.paastis.testing.Generators.stringsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * What {@link Durations} promises for any text: {@code n} + {@code ms|s|m|h|d} is that duration, a
 * bare number is in the unit of the variable (minutes for idle times, seconds for timeouts),
 * anything else is a {@link ConfigException} naming the variable and the accepted forms, and what
 * it reads {@link Durations#format} writes back.
 */
class DurationsPropertiesTest {

  private static final Map<String, ChronoUnit> UNITS =
      Map.of(
          "ms", ChronoUnit.MILLIS,
          "s", ChronoUnit.SECONDS,
          "m", ChronoUnit.MINUTES,
          "h", ChronoUnit.HOURS,
          "d", ChronoUnit.DAYS);

  /** 100 000 days (274 years): every unit of every amount up to it fits any use of a Duration. */
  private static final long LARGEST_AMOUNT = 100_000;

  @Test
  void n_and_a_unit_is_n_of_that_unit_whatever_the_unit_of_a_bare_number_and_the_blanks_around() {
    qt().withExamples(1000)
        .forAll(amounts(), unit(), bareUnit(), padding())
        .checkAssert(
            (amount, unit, bareUnit, padding) -> {
              String text = padding.around(amount + unit);

              assertThat(Durations.parse("SOME_TIME", text, bareUnit))
                  .isEqualTo(Duration.of(amount, UNITS.get(unit)));
            });
  }

  @Test
  void a_bare_number_is_in_the_unit_of_the_variable_minutes_for_idle_times_seconds_for_timeouts() {
    qt().withExamples(500)
        .forAll(amounts())
        .checkAssert(
            amount -> {
              assertThat(
                      Durations.parse(
                          "START_AND_STOP_MAX_IDLE_TIME", "" + amount, ChronoUnit.MINUTES))
                  .isEqualTo(Duration.ofMinutes(amount));
              assertThat(Durations.parse("HOOKS_TIMEOUT", "" + amount, ChronoUnit.SECONDS))
                  .isEqualTo(Duration.ofSeconds(amount));
              // the same through the variables, as Paastis reads them
              Variables variables =
                  new Variables(
                      Map.of(
                          "START_AND_STOP_MAX_IDLE_TIME",
                          "" + amount,
                          "HOOKS_TIMEOUT",
                          "" + amount));
              if (amount > 0) {
                assertThat(
                        variables.positiveDuration(
                            "START_AND_STOP_MAX_IDLE_TIME", "15", ChronoUnit.MINUTES))
                    .isEqualTo(Duration.ofMinutes(amount));
                assertThat(variables.positiveDuration("HOOKS_TIMEOUT", "60", ChronoUnit.SECONDS))
                    .isEqualTo(Duration.ofSeconds(amount));
              }
            });
  }

  @Test
  void any_text_is_a_non_negative_duration_or_a_config_exception_naming_the_variable() {
    qt().withExamples(3000)
        .forAll(anyText(), bareUnit())
        .checkAssert(
            (text, bareUnit) -> {
              Throwable thrown = catchThrowable(() -> Durations.parse("SOME_TIME", text, bareUnit));

              if (thrown == null) {
                assertThat(Durations.parse("SOME_TIME", text, bareUnit).isNegative()).isFalse();
                return;
              }
              assertThat(thrown)
                  .isExactlyInstanceOf(ConfigException.class)
                  .hasMessage(
                      "SOME_TIME="
                          + Variables.oneLine(text)
                          + " is not valid: expected a duration such as 30s, 10m or 2h (a bare"
                          + " number is "
                          + (bareUnit == ChronoUnit.MINUTES ? "minutes" : "seconds")
                          + ")");
            });
  }

  @Test
  void what_parse_reads_format_writes_in_a_form_parse_reads_back_the_same() {
    qt().withExamples(3000)
        .forAll(anyText(), bareUnit())
        .checkAssert(
            (text, bareUnit) -> {
              Duration duration;
              try {
                duration = Durations.parse("SOME_TIME", text, bareUnit);
              } catch (ConfigException refused) {
                return;
              }

              String written = Durations.format(duration);

              assertThat(written).matches("\\d+(ms|s|m|h|d)");
              assertThat(Durations.parse("SOME_TIME", written, bareUnit)).isEqualTo(duration);
            });
  }

  @Test
  void format_writes_a_millisecond_precise_duration_in_its_largest_exact_unit() {
    qt().withExamples(1000)
        .forAll(longs().between(0, LARGEST_AMOUNT * 86_400_000L))
        .checkAssert(
            millis -> {
              Duration duration = Duration.ofMillis(millis);

              String written = Durations.format(duration);

              assertThat(Durations.parse("X", written, ChronoUnit.MINUTES)).isEqualTo(duration);
              String unit = written.replaceAll("\\d+", "");
              long amount = Long.parseLong(written.replaceAll("\\D+", ""));
              if (millis > 0) {
                // a larger unit would have been exact too: then format should have used it
                String[] larger = {"ms", "s", "m", "h", "d"};
                int index = Arrays.asList(larger).indexOf(unit);
                for (int bigger = index + 1; bigger < larger.length; bigger++) {
                  long size = UNITS.get(larger[bigger]).getDuration().toMillis();
                  assertThat(millis % size)
                      .as("%s is exact in %s too", written, larger[bigger])
                      .isNotZero();
                }
              }
              assertThat(amount).isNotNegative();
            });
  }

  @Test
  void zero_is_refused_where_a_positive_duration_is_needed_in_every_form() {
    qt().withExamples(300)
        .forAll(unit(), bareUnit())
        .checkAssert(
            (unit, bareUnit) -> {
              for (String zero : new String[] {"0", "0" + unit, "000" + unit}) {
                assertThatThrownBy(() -> Durations.parsePositive("SOME_TIME", zero, bareUnit))
                    .isExactlyInstanceOf(ConfigException.class)
                    .hasMessageStartingWith(
                        "SOME_TIME=" + zero + " is not valid: expected a duration greater");
              }
            });
  }

  /** Blanks written before and after a duration. */
  record Padding(String before, String after) {

    String around(String text) {
      return before + text + after;
    }
  }

  private static Gen<Long> amounts() {
    return longs().between(0, LARGEST_AMOUNT);
  }

  /** In a fixed order (not the map's, which changes from run to run): a seed replays a run. */
  private static Gen<String> unit() {
    return arbitrary().pick(List.of("ms", "s", "m", "h", "d"));
  }

  private static Gen<ChronoUnit> bareUnit() {
    return arbitrary().pick(ChronoUnit.MINUTES, ChronoUnit.SECONDS);
  }

  private static Gen<Padding> padding() {
    Gen<String> blanks = stringsOf(" \t", 0, 2);
    return blanks.zip(blanks, Padding::new);
  }

  /** Garbage, near misses, and valid durations up to and past what a long holds. */
  private static Gen<String> anyText() {
    Gen<String> number =
        Generate.oneOf(
            longs().between(0, Long.MAX_VALUE).map(n -> String.valueOf(n)),
            stringsOf(charsBetween('0', '9'), 1, 25),
            arbitrary()
                .pick(
                    "9223372036854775807",
                    "9223372036854775808",
                    "153722867280912930",
                    "106751991167300",
                    "2562047788015215",
                    "9223372036854775",
                    "0",
                    "00"));
    Gen<String> suffix =
        arbitrary().pick("", "ms", "s", "m", "h", "d", "M", "w", "y", " m", "sec", "mn", ".5", "S");
    return described(
        Generate.oneOf(
            number.zip(suffix, (n, u) -> n + u),
            strings().basicMultilingualPlaneAlphabet().ofLengthBetween(0, 12),
            stringsOf("0123456789 msdh-.+\n\t\u0663\uff11", 0, 12),
            arbitrary()
                .pick("", " ", "-5", "+5", "1.5h", "1e3", "PT15M", "\u0661\u0665m", "15\n")));
  }
}
