package dev.paastis.provider.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paastis.testing.MutableClock;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** When a reading is reused, when it is due again, and what is forgotten. */
class ReadingsTest {

  private final MutableClock clock = new MutableClock();
  private final Readings<String> readings =
      new Readings<>(clock, Duration.ofHours(1), Duration.ofMinutes(10));

  @Test
  void a_reading_just_taken_is_fresh_and_not_due() {
    readings.put("shop", "running");

    assertThat(readings.fresh("shop")).contains("running");
    assertThat(readings.unreconciled("shop")).contains("running");
    assertThat(readings.overdue(10)).isEmpty();
  }

  @Test
  void a_zero_fresh_window_never_reuses_a_reading() {
    Readings<String> never = new Readings<>(clock, Duration.ZERO, Duration.ofMinutes(10));
    never.put("shop", "running");

    assertThat(never.fresh("shop")).isEmpty();
    assertThat(never.last("shop")).contains("running");
  }

  @Test
  void readings_past_the_reconcile_interval_are_due_oldest_first_up_to_the_limit() {
    readings.put("old", "a");
    clock.advance(Duration.ofMinutes(1));
    readings.put("older-than-new", "b");
    clock.advance(Duration.ofMinutes(1));
    readings.put("new", "c");
    clock.advance(Duration.ofMinutes(10).minusSeconds(30));

    assertThat(readings.overdue(2)).containsExactly("old", "older-than-new");
    assertThat(readings.unreconciled("old")).isEmpty();
    assertThat(readings.unreconciled("new")).contains("c");
  }

  @Test
  void an_age_on_the_clock_bounds_within() {
    readings.put("shop", "stopped");
    clock.advance(Duration.ofMinutes(1));

    assertThat(readings.within("shop", Duration.ofMinutes(2))).contains("stopped");
    assertThat(readings.within("shop", Duration.ofMinutes(1))).isEmpty();
  }

  @Test
  void removed_and_unlisted_apps_are_forgotten() {
    readings.put("gone", "a");
    readings.put("kept", "b");
    readings.put("stopping", "c");

    readings.retain(Set.of("kept", "stopping"));
    readings.remove("stopping");

    assertThat(readings.contains("gone")).isFalse();
    assertThat(readings.contains("stopping")).isFalse();
    assertThat(readings.last("kept")).contains("b");
  }
}
