package dev.paastis.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ActivityHistoryTest {

  private static final Instant MONDAY_9_15 = Instant.parse("2026-11-30T09:15:00Z");
  private static final long MONDAY_9 = MONDAY_9_15.getEpochSecond() / 3600;

  @Test
  void the_empty_history_has_no_hour_used() {
    ActivityHistory empty = ActivityHistory.empty();

    assertThat(empty.hoursUsed()).isZero();
    assertThat(empty.usedIn(MONDAY_9)).isFalse();
    assertThat(empty.newestHour()).isZero();
  }

  @Test
  void a_request_marks_its_utc_hour_used() {
    ActivityHistory history = ActivityHistory.empty().recordedAt(MONDAY_9_15);

    assertThat(history.usedIn(MONDAY_9)).isTrue();
    assertThat(history.usedIn(MONDAY_9 - 1)).isFalse();
    assertThat(history.usedIn(MONDAY_9 + 1)).isFalse();
    assertThat(history.newestHour()).isEqualTo(MONDAY_9);
    assertThat(history.hoursUsed()).isOne();
  }

  @Test
  void recording_returns_a_new_history_and_leaves_the_old_one_as_it_was() {
    ActivityHistory before = ActivityHistory.empty().recordedAt(MONDAY_9_15);

    ActivityHistory after = before.recordedAt(MONDAY_9_15.plus(Duration.ofHours(2)));

    assertThat(after).isNotEqualTo(before);
    assertThat(before.usedIn(MONDAY_9 + 2)).isFalse();
    assertThat(after.usedIn(MONDAY_9 + 2)).isTrue();
    assertThat(after.usedIn(MONDAY_9)).isTrue();
  }

  @Test
  void a_second_request_in_the_same_hour_changes_nothing() {
    ActivityHistory once = ActivityHistory.empty().recordedAt(MONDAY_9_15);

    assertThat(once.recordedAt(MONDAY_9_15.plusSeconds(600))).isSameAs(once);
  }

  @Test
  void an_older_hour_within_the_window_is_recorded_without_moving_it() {
    ActivityHistory history =
        ActivityHistory.empty()
            .recordedAt(MONDAY_9_15)
            .recordedAt(MONDAY_9_15.minus(Duration.ofHours(ActivityHistory.HOURS - 1)));

    assertThat(history.newestHour()).isEqualTo(MONDAY_9);
    assertThat(history.usedIn(MONDAY_9 - ActivityHistory.HOURS + 1)).isTrue();
    assertThat(history.hoursUsed()).isEqualTo(2);
  }

  @Test
  void an_hour_672_hours_older_than_the_newest_is_ignored() {
    ActivityHistory history = ActivityHistory.empty().recordedAt(MONDAY_9_15);

    assertThat(history.recordedAt(MONDAY_9_15.minus(Duration.ofHours(ActivityHistory.HOURS))))
        .isSameAs(history);
    assertThat(history.recordedAt(Instant.parse("1969-12-31T23:59:59Z"))).isSameAs(history);
  }

  @Test
  void moving_forward_forgets_the_hours_that_leave_the_window() {
    ActivityHistory history =
        ActivityHistory.empty()
            .recordedAt(MONDAY_9_15)
            .recordedAt(MONDAY_9_15.plus(Duration.ofHours(1)))
            .recordedAt(MONDAY_9_15.plus(Duration.ofHours(ActivityHistory.HOURS)));

    // the first hour left the window, and its bit went to the new newest hour
    assertThat(history.usedIn(MONDAY_9)).isFalse();
    assertThat(history.usedIn(MONDAY_9 + 1)).isTrue();
    assertThat(history.usedIn(MONDAY_9 + ActivityHistory.HOURS)).isTrue();
    assertThat(history.hoursUsed()).isEqualTo(2);
  }

  @Test
  void the_hours_skipped_when_moving_forward_are_unused() {
    ActivityHistory weekAgo =
        ActivityHistory.empty()
            .recordedAt(MONDAY_9_15.minus(Duration.ofDays(28 + 7)))
            .recordedAt(MONDAY_9_15.minus(Duration.ofDays(28)).plus(Duration.ofHours(5)));
    // hour MONDAY_9 - 672 + 5 shares its bit with MONDAY_9 + 5, skipped below

    ActivityHistory history = weekAgo.recordedAt(MONDAY_9_15.plus(Duration.ofHours(10)));

    assertThat(history.usedIn(MONDAY_9 + 5)).isFalse();
    assertThat(history.hoursUsed()).isOne();
  }

  @Test
  void a_jump_of_more_than_28_days_forgets_everything_before() {
    ActivityHistory history =
        ActivityHistory.empty()
            .recordedAt(MONDAY_9_15)
            .recordedAt(MONDAY_9_15.plus(Duration.ofDays(100)));

    assertThat(history.hoursUsed()).isOne();
    assertThat(history.usedIn(MONDAY_9)).isFalse();
  }

  @Test
  void histories_of_the_same_hours_are_equal() {
    ActivityHistory one = ActivityHistory.empty().recordedAt(MONDAY_9_15).recordedAt(MONDAY_9_15);
    ActivityHistory other = ActivityHistory.empty().recordedAt(MONDAY_9_15.plusSeconds(60));

    assertThat(one).isEqualTo(other).hasSameHashCodeAs(other);
    assertThat(one).isNotEqualTo(ActivityHistory.empty());
  }

  @Test
  void the_encoding_is_the_newest_hour_and_the_ring_in_base64() {
    ActivityHistory history = ActivityHistory.empty().recordedAt(MONDAY_9_15);

    String encoded = history.encode();

    assertThat(encoded).startsWith(MONDAY_9 + ":").hasSize(String.valueOf(MONDAY_9).length() + 113);
    assertThat(ActivityHistory.decode(encoded)).isEqualTo(history);
    assertThat(ActivityHistory.decode(ActivityHistory.empty().encode()))
        .isEqualTo(ActivityHistory.empty());
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''                | has no ':'",
        "492489            | has no ':'",
        "abc:AAAA          | newest hour is not a whole number",
        ":AAAA             | newest hour is not a whole number",
        "-1:AAAA           | newest hour is negative",
        "492489:not base64 | hours are not base64",
        "492489:AAAA       | hours are 3 bytes, not 84",
      })
  void a_malformed_encoding_is_refused_saying_what_is_wrong(String encoded, String why) {
    assertThatThrownBy(() -> ActivityHistory.decode(encoded))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'<newest epoch hour>:<base64 of 84 bytes>'")
        .hasMessageContaining(why);
  }
}
