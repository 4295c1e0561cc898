package dev.paastis.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PrewarmPlanTest {

  /** Monday 30 November 2026, the fifth week of the school app below. */
  private static final LocalDate MONDAY = LocalDate.parse("2026-11-30");

  private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

  /** Used Monday to Friday from 08:00 to 09:00 UTC for the four weeks before {@link #MONDAY}. */
  private static final ActivityHistory SCHOOL_APP = usedOnWeekdaysAt8(1, 2, 3, 4);

  @Test
  void a_school_app_used_at_8_on_weekdays_for_4_weeks_is_due_at_7_58_on_monday() {
    assertThat(PrewarmPlan.dueHour(SCHOOL_APP, at(MONDAY, "07:58"), FIVE_MINUTES))
        .contains(hourOf(MONDAY, "08:00"));
  }

  @Test
  void the_prewarm_is_due_from_lead_before_the_hour_until_it_begins() {
    assertThat(PrewarmPlan.dueHour(SCHOOL_APP, at(MONDAY, "07:54:59"), FIVE_MINUTES)).isEmpty();
    assertThat(PrewarmPlan.dueHour(SCHOOL_APP, at(MONDAY, "07:55"), FIVE_MINUTES))
        .contains(hourOf(MONDAY, "08:00"));
    assertThat(PrewarmPlan.dueHour(SCHOOL_APP, at(MONDAY, "07:59:59.999"), FIVE_MINUTES))
        .contains(hourOf(MONDAY, "08:00"));
    assertThat(PrewarmPlan.dueHour(SCHOOL_APP, at(MONDAY, "08:00"), FIVE_MINUTES)).isEmpty();
  }

  @Test
  void an_hour_used_in_3_of_the_last_4_weeks_is_usual() {
    ActivityHistory threeWeeks = usedOnWeekdaysAt8(1, 2, 4);

    assertThat(PrewarmPlan.dueHour(threeWeeks, at(MONDAY, "07:58"), FIVE_MINUTES))
        .contains(hourOf(MONDAY, "08:00"));
  }

  @Test
  void an_hour_used_in_only_2_of_the_last_4_weeks_is_not_usual() {
    ActivityHistory twoWeeks = usedOnWeekdaysAt8(1, 3);

    assertThat(PrewarmPlan.dueHour(twoWeeks, at(MONDAY, "07:58"), FIVE_MINUTES)).isEmpty();
    assertThat(PrewarmPlan.nextPrewarm(twoWeeks, at(MONDAY, "07:58"), FIVE_MINUTES)).isEmpty();
  }

  @Test
  void hours_the_app_was_not_used_in_are_not_prewarmed() {
    // 09:00 on Monday, and Saturday 08:00
    assertThat(PrewarmPlan.dueHour(SCHOOL_APP, at(MONDAY, "08:58"), FIVE_MINUTES)).isEmpty();
    assertThat(PrewarmPlan.dueHour(SCHOOL_APP, at(MONDAY.minusDays(2), "07:58"), FIVE_MINUTES))
        .isEmpty();
  }

  @Test
  void a_lead_of_more_than_an_hour_looks_as_many_hours_ahead() {
    Duration ninetyMinutes = Duration.ofMinutes(90);

    assertThat(PrewarmPlan.dueHour(SCHOOL_APP, at(MONDAY, "06:29:59"), ninetyMinutes)).isEmpty();
    assertThat(PrewarmPlan.dueHour(SCHOOL_APP, at(MONDAY, "06:30"), ninetyMinutes))
        .contains(hourOf(MONDAY, "08:00"));
    assertThat(PrewarmPlan.dueHour(SCHOOL_APP, at(MONDAY, "07:30"), ninetyMinutes))
        .contains(hourOf(MONDAY, "08:00"));
  }

  @Test
  void a_lead_of_exactly_an_hour_is_due_at_the_start_of_the_hour_before() {
    Duration oneHour = Duration.ofHours(1);

    assertThat(PrewarmPlan.dueHour(SCHOOL_APP, at(MONDAY, "06:59:59"), oneHour)).isEmpty();
    assertThat(PrewarmPlan.dueHour(SCHOOL_APP, at(MONDAY, "07:00"), oneHour))
        .contains(hourOf(MONDAY, "08:00"));
  }

  @Test
  void a_lead_of_zero_or_less_never_prewarms() {
    assertThat(PrewarmPlan.dueHour(SCHOOL_APP, at(MONDAY, "07:59"), Duration.ZERO)).isEmpty();
    assertThat(PrewarmPlan.dueHour(SCHOOL_APP, at(MONDAY, "07:59"), Duration.ofMinutes(-5)))
        .isEmpty();
    assertThat(PrewarmPlan.nextPrewarm(SCHOOL_APP, at(MONDAY, "07:00"), Duration.ZERO)).isEmpty();
  }

  @Test
  void on_saturday_the_next_prewarm_is_lead_before_8_on_monday() {
    assertThat(PrewarmPlan.nextPrewarm(SCHOOL_APP, at(MONDAY.minusDays(2), "12:00"), FIVE_MINUTES))
        .contains(at(MONDAY, "07:55"));
  }

  @Test
  void when_a_prewarm_is_due_the_next_one_is_now() {
    Instant now = at(MONDAY, "07:57");

    assertThat(PrewarmPlan.nextPrewarm(SCHOOL_APP, now, FIVE_MINUTES)).contains(now);
  }

  @Test
  void after_the_usual_hour_began_the_next_prewarm_is_the_next_day() {
    assertThat(PrewarmPlan.nextPrewarm(SCHOOL_APP, at(MONDAY, "08:00"), FIVE_MINUTES))
        .contains(at(MONDAY.plusDays(1), "07:55"));
  }

  @Test
  void an_app_never_used_is_never_prewarmed() {
    assertThat(PrewarmPlan.dueHour(ActivityHistory.empty(), at(MONDAY, "07:58"), FIVE_MINUTES))
        .isEmpty();
    assertThat(PrewarmPlan.nextPrewarm(ActivityHistory.empty(), at(MONDAY, "07:58"), FIVE_MINUTES))
        .isEmpty();
  }

  @Test
  void the_configured_lead_wins() {
    assertThat(
            PrewarmPlan.lead(Optional.of(Duration.ofMinutes(10)), List.of(Duration.ofMinutes(30))))
        .isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void without_a_configured_lead_it_is_twice_the_median_wake_duration() {
    assertThat(
            PrewarmPlan.lead(
                Optional.empty(),
                List.of(Duration.ofMinutes(3), Duration.ofMinutes(1), Duration.ofMinutes(2))))
        .isEqualTo(Duration.ofMinutes(4));
    // an even count: the mean of the two in the middle, 2.5 minutes
    assertThat(
            PrewarmPlan.lead(
                Optional.empty(),
                List.of(
                    Duration.ofMinutes(10),
                    Duration.ofMinutes(1),
                    Duration.ofMinutes(3),
                    Duration.ofMinutes(2))))
        .isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void the_learned_lead_is_a_minute_at_least() {
    assertThat(PrewarmPlan.lead(Optional.empty(), List.of())).isEqualTo(Duration.ofMinutes(1));
    assertThat(
            PrewarmPlan.lead(
                Optional.empty(),
                List.of(Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ofMinutes(5))))
        .isEqualTo(Duration.ofMinutes(1));
    assertThat(PrewarmPlan.lead(Optional.empty(), List.of(Duration.ofSeconds(30))))
        .isEqualTo(Duration.ofMinutes(1));
  }

  /**
   * Requests at 08:10 and 08:50 UTC, Monday to Friday, in the given weeks before {@link #MONDAY}.
   */
  private static ActivityHistory usedOnWeekdaysAt8(int... weeksBefore) {
    ActivityHistory history = ActivityHistory.empty();
    for (int week : weeksBefore) {
      LocalDate monday = MONDAY.minusWeeks(week);
      for (int day = 0; day < 5; day++) {
        LocalDate date = monday.plusDays(day);
        assertThat(date.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        history = history.recordedAt(at(date, "08:10")).recordedAt(at(date, "08:50"));
      }
    }
    return history;
  }

  private static Instant at(LocalDate date, String time) {
    return date.atTime(LocalTime.parse(time)).toInstant(ZoneOffset.UTC);
  }

  private static long hourOf(LocalDate date, String time) {
    return at(date, time).getEpochSecond() / 3600;
  }
}
