package dev.paastis.policy;

import static dev.paastis.testing.Generators.described;
import static dev.paastis.testing.Generators.stringsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * What {@link ActivityHistory} promises for any sequence of requests, in any order: an hour is used
 * when a request fell in it and it is one of the 672 ending with the newest; the encoding reads
 * back as the same history; a string that is no encoding is an {@link IllegalArgumentException}.
 */
class ActivityHistoryPropertiesTest {

  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  /** 60 days: the window moves forward and drops hours. */
  private static final long SPAN_SECONDS = 60L * 24 * 3600;

  @Test
  void an_hour_is_used_when_a_request_fell_in_it_and_it_is_in_the_window() {
    qt().withExamples(300)
        .forAll(requests())
        .checkAssert(
            requests -> {
              ActivityHistory history = recorded(requests);
              Set<Long> hours = new TreeSet<>();
              requests.forEach(at -> hours.add(ActivityHistory.epochHour(at)));
              long newest = hours.stream().mapToLong(Long::longValue).max().orElse(0);

              assertThat(history.newestHour()).isEqualTo(newest);
              long used =
                  LongStream.rangeClosed(newest - 700, newest + 5)
                      .filter(
                          hour -> {
                            boolean expected =
                                hours.contains(hour)
                                    && hour > newest - ActivityHistory.HOURS
                                    && hour <= newest;
                            assertThat(history.usedIn(hour))
                                .as("hour %d", hour)
                                .isEqualTo(expected);
                            return expected;
                          })
                      .count();
              assertThat(history.hoursUsed()).isEqualTo(used);
            });
  }

  @Test
  void an_encoded_history_decodes_to_the_same_history() {
    qt().withExamples(300)
        .forAll(requests())
        .checkAssert(
            requests -> {
              ActivityHistory history = recorded(requests);

              assertThat(ActivityHistory.decode(history.encode())).isEqualTo(history);
            });
  }

  @Test
  void any_text_is_a_history_or_an_illegal_argument_never_another_exception() {
    qt().withExamples(2000)
        .forAll(anyText())
        .checkAssert(
            text -> {
              Throwable thrown = catchThrowable(() -> ActivityHistory.decode(text));

              if (thrown == null) {
                assertThat(ActivityHistory.decode(text).encode()).isNotEmpty();
              } else {
                assertThat(thrown)
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("an activity history is ");
              }
            });
  }

  private static ActivityHistory recorded(List<Instant> requests) {
    ActivityHistory history = ActivityHistory.empty();
    for (Instant at : requests) {
      history = history.recordedAt(at);
    }
    return history;
  }

  /** Up to 300 requests over 60 days, in any order. */
  private static Gen<List<Instant>> requests() {
    return lists()
        .of(longs().between(0, SPAN_SECONDS).map(START::plusSeconds))
        .ofSizeBetween(0, 300);
  }

  /** Encodings, encodings with a character changed or cut short, and garbage. */
  private static Gen<String> anyText() {
    Gen<String> encodings = requests().map(requests -> recorded(requests).encode());
    Gen<String> cut =
        encodings.zip(
            longs().between(0, 200),
            (text, at) -> text.substring(0, (int) Math.min(at, text.length())));
    Gen<String> changed =
        encodings.zip(
            longs().between(0, 200),
            stringsOf(":=+/-_ aZ09\u00e9", 1, 1),
            (text, at, c) -> {
              int i = (int) Math.min(at, text.length() - 1);
              return text.substring(0, i) + c + text.substring(i + 1);
            });
    Gen<String> garbage = stringsOf("0123456789:-+=/ABCabc ", 0, 130);
    return described(Generate.oneOf(encodings, cut, changed, garbage));
  }
}
