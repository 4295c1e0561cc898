package dev.paastis.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WindowsTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private static final Windows OFFICE_HOURS_IN_PARIS =
      new Windows(List.of(WindowTest.window("30 7 * * 1-5", "0 18 * * 1-5")), PARIS);

  private static final Windows NIGHTS_IN_PARIS =
      new Windows(List.of(WindowTest.window("0 22 * * *", "0 6 * * *")), PARIS);

  @Test
  void on_a_monday_at_8_office_hours_are_open_since_7_30_until_18_in_paris() {
    assertThat(OFFICE_HOURS_IN_PARIS.openAt(paris("2026-12-07T08:00")))
        .contains(open(paris("2026-12-07T07:30"), paris("2026-12-07T18:00")));
  }

  @Test
  void on_a_saturday_office_hours_are_closed_and_open_next_on_monday_at_7_30() {
    Instant saturday = paris("2026-12-05T12:00");

    assertThat(OFFICE_HOURS_IN_PARIS.openAt(saturday)).isEmpty();
    assertThat(OFFICE_HOURS_IN_PARIS.nextOpening(saturday)).contains(paris("2026-12-07T07:30"));
  }

  @Test
  void a_window_across_midnight_is_open_before_and_after_midnight() {
    assertThat(NIGHTS_IN_PARIS.openAt(paris("2026-12-02T23:00")))
        .contains(open(paris("2026-12-02T22:00"), paris("2026-12-03T06:00")));
    assertThat(NIGHTS_IN_PARIS.openAt(paris("2026-12-03T05:00")))
        .contains(open(paris("2026-12-02T22:00"), paris("2026-12-03T06:00")));
  }

  @Test
  void a_window_across_midnight_is_closed_at_noon_and_opens_next_at_22() {
    Instant noon = paris("2026-12-03T12:00");

    assertThat(NIGHTS_IN_PARIS.openAt(noon)).isEmpty();
    assertThat(NIGHTS_IN_PARIS.nextOpening(noon)).contains(paris("2026-12-03T22:00"));
  }

  @Test
  void six_field_windows_open_and_close_on_seconds() {
    // open from :00 to :10, from :20 to :30, from :40 to :50
    Windows windows =
        new Windows(
            List.of(WindowTest.window("0/20 * * * * *", "10/20 * * * * *")), ZoneId.of("UTC"));

    assertThat(windows.openAt(utc("2026-12-02T12:00:05")))
        .contains(open(utc("2026-12-02T12:00:00"), utc("2026-12-02T12:00:10")));
    assertThat(windows.openAt(utc("2026-12-02T12:00:20")))
        .contains(open(utc("2026-12-02T12:00:20"), utc("2026-12-02T12:00:30")));
    assertThat(windows.openAt(utc("2026-12-02T12:00:10"))).isEmpty();
    assertThat(windows.openAt(utc("2026-12-02T12:00:15"))).isEmpty();
    assertThat(windows.nextOpening(utc("2026-12-02T12:00:15")))
        .contains(utc("2026-12-02T12:00:20"));
    assertThat(windows.nextOpening(utc("2026-12-02T12:00:19.999")))
        .contains(utc("2026-12-02T12:00:20"));
  }

  @Test
  void the_night_the_clocks_go_forward_the_window_is_an_hour_shorter() {
    // 29 March 2026: 02:00 in Paris is 03:00 summer time; 22:00 winter time to 06:00 summer time
    assertThat(NIGHTS_IN_PARIS.openAt(Instant.parse("2026-03-29T03:30:00Z")))
        .contains(
            open(Instant.parse("2026-03-28T21:00:00Z"), Instant.parse("2026-03-29T04:00:00Z")));
    // the next Monday, office hours open at 07:30 summer time
    assertThat(OFFICE_HOURS_IN_PARIS.openAt(Instant.parse("2026-03-30T06:00:00Z")))
        .contains(
            open(Instant.parse("2026-03-30T05:30:00Z"), Instant.parse("2026-03-30T16:00:00Z")));
  }

  @Test
  void the_night_the_clocks_go_back_the_window_is_an_hour_longer() {
    // 25 October 2026: 03:00 summer time in Paris is 02:00 winter time
    assertThat(NIGHTS_IN_PARIS.openAt(Instant.parse("2026-10-25T04:30:00Z")))
        .contains(
            open(Instant.parse("2026-10-24T20:00:00Z"), Instant.parse("2026-10-25T05:00:00Z")));
  }

  @Test
  void a_from_at_a_time_the_clocks_skip_opens_nothing_that_day() {
    // cron-utils does not fire at a wall-clock time that does not exist: 02:30 on 29 March 2026
    Windows earlyMornings =
        new Windows(List.of(WindowTest.window("30 2 * * *", "0 5 * * *")), PARIS);
    Instant fourSummerTime = Instant.parse("2026-03-29T02:00:00Z");

    assertThat(earlyMornings.openAt(fourSummerTime)).isEmpty();
    assertThat(earlyMornings.nextOpening(fourSummerTime))
        .contains(Instant.parse("2026-03-30T00:30:00Z"));
  }

  @Test
  void overlapping_windows_opened_when_the_latest_opened_and_close_when_the_last_closes() {
    Windows both =
        new Windows(
            List.of(
                WindowTest.window("0 8 * * *", "0 12 * * *"),
                WindowTest.window("0 10 * * *", "0 18 * * *")),
            PARIS);

    assertThat(both.openAt(paris("2026-12-02T09:00")))
        .contains(open(paris("2026-12-02T08:00"), paris("2026-12-02T12:00")));
    assertThat(both.openAt(paris("2026-12-02T11:00")))
        .contains(open(paris("2026-12-02T10:00"), paris("2026-12-02T18:00")));
    assertThat(both.openAt(paris("2026-12-02T13:00")))
        .contains(open(paris("2026-12-02T10:00"), paris("2026-12-02T18:00")));
    assertThat(both.openAt(paris("2026-12-02T19:00"))).isEmpty();
  }

  @Test
  void overlapping_windows_never_close_when_one_of_them_never_does() {
    Windows both =
        new Windows(
            List.of(
                WindowTest.window("0 8 * * *", "0 12 * * *"),
                WindowTest.window("0 10 * * *", "0 0 30 2 *")),
            PARIS);

    assertThat(both.openAt(paris("2026-12-02T11:00")))
        .contains(new OpenWindow(paris("2026-12-02T10:00"), Optional.empty()));
  }

  @Test
  void the_next_opening_is_the_earliest_among_the_windows_closed_now() {
    Windows both =
        new Windows(
            List.of(
                WindowTest.window("0 8 * * *", "0 12 * * *"),
                WindowTest.window("0 10 * * *", "0 18 * * *")),
            PARIS);

    assertThat(both.nextOpening(paris("2026-12-02T07:00"))).contains(paris("2026-12-02T08:00"));
    // the morning window is open: only the other one can open next
    assertThat(both.nextOpening(paris("2026-12-02T09:00"))).contains(paris("2026-12-02T10:00"));
    // both are open: none opens next
    assertThat(both.nextOpening(paris("2026-12-02T11:00"))).isEmpty();
  }

  @Test
  void a_yearly_window_is_found_months_after_it_opened() {
    Windows year =
        new Windows(List.of(WindowTest.window("0 0 1 1 *", "0 0 31 12 *")), ZoneId.of("UTC"));

    assertThat(year.openAt(utc("2026-06-15T12:00:00")))
        .contains(open(utc("2026-01-01T00:00:00"), utc("2026-12-31T00:00:00")));
  }

  @Test
  void no_windows_are_empty_and_never_open() {
    assertThat(Windows.none().isEmpty()).isTrue();
    assertThat(Windows.none().openAt(utc("2026-12-02T12:00:00"))).isEmpty();
    assertThat(Windows.none().nextOpening(utc("2026-12-02T12:00:00"))).isEmpty();
    assertThat(OFFICE_HOURS_IN_PARIS.isEmpty()).isFalse();
  }

  private static OpenWindow open(Instant openedAt, Instant closesAt) {
    return new OpenWindow(openedAt, Optional.of(closesAt));
  }

  private static Instant paris(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(PARIS).toInstant();
  }

  private static Instant utc(String localDateTime) {
    return Instant.parse(localDateTime + "Z");
  }
}
