package dev.paastis.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.statistics.Statistics;

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

  @Property(tries = 1000)
  @Label("n + unit is n of that unit, whatever the unit of a bare number and the blanks around")
  void a_number_and_a_unit_is_that_duration(
      @ForAll @LongRange(max = LARGEST_AMOUNT) long amount,
      @ForAll("unit") String unit,
      @ForAll("bareUnit") ChronoUnit bareUnit,
      @ForAll("blanks") String before,
      @ForAll("blanks") String after) {
    String text = before + amount + unit + after;

    assertThat(Durations.parse("SOME_TIME", text, bareUnit))
        .isEqualTo(Duration.of(amount, UNITS.get(unit)));
  }

  @Property(tries = 500)
  @Label(
      "a bare number is in the unit of the variable: minutes for idle times, seconds for timeouts")
  void a_bare_number_is_in_the_unit_of_the_variable(
      @ForAll @LongRange(max = LARGEST_AMOUNT) long amount) {
    assertThat(Durations.parse("START_AND_STOP_MAX_IDLE_TIME", "" + amount, ChronoUnit.MINUTES))
        .isEqualTo(Duration.ofMinutes(amount));
    assertThat(Durations.parse("HOOKS_TIMEOUT", "" + amount, ChronoUnit.SECONDS))
        .isEqualTo(Duration.ofSeconds(amount));
    // the same through the variables, as Paastis reads them
    Variables variables =
        new Variables(
            Map.of("START_AND_STOP_MAX_IDLE_TIME", "" + amount, "HOOKS_TIMEOUT", "" + amount));
    if (amount > 0) {
      assertThat(
              variables.positiveDuration("START_AND_STOP_MAX_IDLE_TIME", "15", ChronoUnit.MINUTES))
          .isEqualTo(Duration.ofMinutes(amount));
      assertThat(variables.positiveDuration("HOOKS_TIMEOUT", "60", ChronoUnit.SECONDS))
          .isEqualTo(Duration.ofSeconds(amount));
    }
  }

  @Property(tries = 3000)
  @Label("any text is a non-negative duration or a ConfigException naming the variable")
  void any_text_parses_or_names_the_variable_and_the_accepted_forms(
      @ForAll("anyText") String text, @ForAll("bareUnit") ChronoUnit bareUnit) {
    Throwable thrown = catchThrowable(() -> Durations.parse("SOME_TIME", text, bareUnit));

    Statistics.collect(thrown == null ? "parsed" : "refused");
    if (thrown == null) {
      assertThat(Durations.parse("SOME_TIME", text, bareUnit).isNegative()).isFalse();
      return;
    }
    assertThat(thrown)
        .isExactlyInstanceOf(ConfigException.class)
        .hasMessage(
            "SOME_TIME="
                + Variables.oneLine(text)
                + " is not valid: expected a duration such as 30s, 10m or 2h (a bare number is "
                + (bareUnit == ChronoUnit.MINUTES ? "minutes" : "seconds")
                + ")");
  }

  @Property(tries = 3000)
  @Label("what parse reads, format writes in a form parse reads back the same")
  void format_writes_back_what_parse_reads(
      @ForAll("anyText") String text, @ForAll("bareUnit") ChronoUnit bareUnit) {
    Duration duration;
    try {
      duration = Durations.parse("SOME_TIME", text, bareUnit);
    } catch (ConfigException refused) {
      return;
    }

    String written = Durations.format(duration);

    assertThat(written).matches("\\d+(ms|s|m|h|d)");
    assertThat(Durations.parse("SOME_TIME", written, bareUnit)).isEqualTo(duration);
  }

  @Property(tries = 1000)
  @Label("format writes a millisecond-precise duration in its largest exact unit")
  void format_uses_the_largest_exact_unit(
      @ForAll @LongRange(max = LARGEST_AMOUNT * 86_400_000L) long millis) {
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
        assertThat(millis % size).as("%s is exact in %s too", written, larger[bigger]).isNotZero();
      }
    }
    assertThat(amount).isNotNegative();
  }

  @Property(tries = 300)
  @Label("zero is refused where a positive duration is needed, in every form")
  void zero_is_refused_where_a_positive_duration_is_needed(
      @ForAll("unit") String unit, @ForAll("bareUnit") ChronoUnit bareUnit) {
    for (String zero : new String[] {"0", "0" + unit, "000" + unit}) {
      assertThatThrownBy(() -> Durations.parsePositive("SOME_TIME", zero, bareUnit))
          .isExactlyInstanceOf(ConfigException.class)
          .hasMessageStartingWith(
              "SOME_TIME=" + zero + " is not valid: expected a duration greater");
    }
  }

  @Provide
  Arbitrary<String> unit() {
    return Arbitraries.of(UNITS.keySet());
  }

  @Provide
  Arbitrary<ChronoUnit> bareUnit() {
    return Arbitraries.of(ChronoUnit.MINUTES, ChronoUnit.SECONDS);
  }

  @Provide
  Arbitrary<String> blanks() {
    return Arbitraries.strings().withChars(" \t").ofMaxLength(2);
  }

  /** Garbage, near misses, and valid durations up to and past what a long holds. */
  @Provide
  Arbitrary<String> anyText() {
    Arbitrary<String> number =
        Arbitraries.oneOf(
            Arbitraries.longs().greaterOrEqual(0).map(String::valueOf),
            Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(25),
            Arbitraries.of(
                "9223372036854775807",
                "9223372036854775808",
                "153722867280912930",
                "106751991167300",
                "2562047788015215",
                "9223372036854775",
                "0",
                "00"));
    Arbitrary<String> suffix =
        Arbitraries.of("", "ms", "s", "m", "h", "d", "M", "w", "y", " m", "sec", "mn", ".5", "S");
    return Arbitraries.oneOf(
        Combinators.combine(number, suffix).as((n, u) -> n + u),
        Arbitraries.strings().ofMaxLength(12),
        Arbitraries.strings().withChars("0123456789 msdh-.+\n\t\u0663\uff11").ofMaxLength(12),
        Arbitraries.of("", " ", "-5", "+5", "1.5h", "1e3", "PT15M", "\u0661\u0665m", "15\n"));
  }
}
