package dev.paastis.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paastis.events.Event;
import dev.paastis.events.EventType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SleepTimeTest {

  private static final Instant FROM = Instant.parse("2026-11-18T00:00:00Z");
  private static final Instant TO = FROM.plus(Duration.ofDays(7));

  /** Events given oldest first, as hours after FROM, handed over newest first. */
  private static Duration slept(Object... typeAndHour) {
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < typeAndHour.length; i += 2) {
      Instant at = FROM.plus(Duration.ofHours(((Number) typeAndHour[i + 1]).longValue()));
      events.add(new Event((EventType) typeAndHour[i], "a", "fake", at, Map.of()));
    }
    Collections.reverse(events);
    return SleepTime.within(events, FROM, TO);
  }

  @Test
  void no_events_no_sleep() {
    assertThat(slept()).isZero();
  }

  @Test
  void a_stop_then_a_start_count_the_time_between() {
    assertThat(slept(EventType.APP_STOPPED, 10, EventType.APP_STARTING, 13))
        .isEqualTo(Duration.ofHours(3));
  }

  @Test
  void an_app_still_asleep_counts_until_the_end_of_the_window() {
    assertThat(
            slept(
                EventType.APP_STOPPED, 10, EventType.APP_STARTING, 13, EventType.APP_STOPPED, 160))
        .isEqualTo(Duration.ofHours(3 + 8));
  }

  @Test
  void a_stop_before_the_window_counts_from_the_window_start() {
    assertThat(slept(EventType.APP_STOPPED, -30, EventType.APP_STARTING, 5))
        .isEqualTo(Duration.ofHours(5));
  }

  @Test
  void a_start_without_a_stop_in_the_window_adds_nothing_and_a_repeated_stop_counts_once() {
    assertThat(
            slept(
                EventType.APP_STARTING, 1,
                EventType.APP_STOPPED, 2,
                EventType.APP_STOPPED, 4,
                EventType.APP_STARTING, 6))
        .isEqualTo(Duration.ofHours(4));
  }
}
