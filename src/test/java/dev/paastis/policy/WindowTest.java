package dev.paastis.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class WindowTest {

  /** 30 February: parses, never fires. */
  private static final String NEVER = "0 0 30 2 *";

  private static final ZonedDateTime NOON = ZonedDateTime.parse("2026-12-02T12:00Z");

  @Test
  void a_window_whose_from_never_fired_is_closed_and_never_opens() {
    Window window = window(NEVER, "0 18 * * *");

    assertThat(window.openSince(NOON)).isEmpty();
    assertThat(window.nextOpeningAfter(NOON)).isEmpty();
  }

  @Test
  void a_window_whose_from_fired_and_whose_to_never_fires_is_open_for_good() {
    Window window = window("0 8 * * *", NEVER);

    assertThat(window.openSince(NOON)).contains(ZonedDateTime.parse("2026-12-02T08:00Z"));
    assertThat(window.nextClosingAfter(NOON)).isEmpty();
  }

  @Test
  void a_to_firing_at_the_same_second_as_from_keeps_the_window_closed() {
    // opens every hour on the hour, closes at 08:00: at 08:00 it is closed, at 09:00 open again
    Window window = window("0 * * * *", "0 8 * * *");
    ZonedDateTime eight = ZonedDateTime.parse("2026-12-02T08:00Z");

    assertThat(window.openSince(eight)).isEmpty();
    assertThat(window.openSince(eight.minusSeconds(1)))
        .contains(ZonedDateTime.parse("2026-12-02T07:00Z"));
    assertThat(window.nextOpeningAfter(eight.minusMinutes(30)))
        .contains(ZonedDateTime.parse("2026-12-02T09:00Z"));
  }

  @Test
  void a_window_whose_from_and_to_always_fire_together_never_opens() {
    Window window = window("0 8 * * *", "0 8 * * *");

    assertThat(window.openSince(NOON)).isEmpty();
    assertThat(window.nextOpeningAfter(NOON)).isEmpty();
  }

  @Test
  void the_window_opens_at_the_second_from_fires_and_closes_at_the_second_to_fires() {
    Window window = window("0 8 * * *", "0 18 * * *");
    ZonedDateTime eight = ZonedDateTime.parse("2026-12-02T08:00Z");
    ZonedDateTime six = ZonedDateTime.parse("2026-12-02T18:00Z");

    assertThat(window.openSince(eight.minusNanos(1))).isEmpty();
    assertThat(window.openSince(eight)).contains(eight);
    assertThat(window.openSince(six.minusNanos(1))).contains(eight);
    assertThat(window.openSince(six)).isEmpty();
  }

  @Test
  void windows_of_the_same_schedules_are_equal() {
    assertThat(window("0 8 * * *", "0 18 * * *")).isEqualTo(window("0 8 * * *", "0 18 * * *"));
  }

  static Window window(String from, String to) {
    return new Window(CronSchedule.parse(from), CronSchedule.parse(to));
  }
}
