package dev.paastis.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * What {@link PrewarmPlan} promises for any history: a due hour is a usual hour whose lead has come
 * and which has not begun; the next pre-warm is an instant at which one is due, and none is due
 * between now and it.
 */
class PrewarmPlanPropertiesTest {

  /** Monday 2 November 2026, 00:00 UTC: the histories cover the 4 weeks from here. */
  private static final Instant FIRST_WEEK = Instant.parse("2026-11-02T00:00:00Z");

  private static final Instant FIFTH_WEEK = FIRST_WEEK.plus(Duration.ofDays(28));

  @Test
  void a_due_hour_is_a_usual_hour_whose_lead_has_come_and_which_has_not_begun() {
    qt().withExamples(500)
        .forAll(histories(), nows(), leads())
        .checkAssert(
            (history, now, lead) ->
                PrewarmPlan.dueHour(history, now, lead)
                    .ifPresent(
                        hour -> {
                          Instant start = Instant.ofEpochSecond(hour * 3600);
                          assertThat(PrewarmPlan.isUsual(history, hour)).isTrue();
                          assertThat(start.minus(lead)).isBeforeOrEqualTo(now);
                          assertThat(start).isAfter(now);
                        }));
  }

  @Test
  void the_next_prewarm_is_due_when_it_comes_and_none_is_due_before() {
    qt().withExamples(300)
        .forAll(histories(), nows(), leads())
        .checkAssert(
            (history, now, lead) -> {
              Optional<Instant> next = PrewarmPlan.nextPrewarm(history, now, lead);

              next.ifPresent(
                  at -> {
                    assertThat(at).isAfterOrEqualTo(now);
                    assertThat(PrewarmPlan.dueHour(history, at, lead)).isPresent();
                    // nothing was due before it (looked at every 7 minutes, and just before it)
                    for (Instant t = now; t.isBefore(at); t = t.plus(Duration.ofMinutes(7))) {
                      assertThat(PrewarmPlan.dueHour(history, t, lead)).as("at %s", t).isEmpty();
                    }
                    if (at.isAfter(now)) {
                      assertThat(PrewarmPlan.dueHour(history, at.minusNanos(1), lead)).isEmpty();
                    }
                  });
            });
  }

  /** A few weekday-hours, each used in some of the 4 weeks, so that some hours are usual. */
  private static Gen<ActivityHistory> histories() {
    Gen<List<Integer>> weekHours = lists().of(integers().between(0, 167)).ofSizeBetween(0, 6);
    Gen<List<Integer>> weeks = lists().of(integers().between(0, 3)).ofSizeBetween(0, 4);
    return lists()
        .of(weekHours.zip(weeks, (hours, inWeeks) -> List.of(hours, inWeeks)))
        .ofSizeBetween(1, 3)
        .map(
            patterns -> {
              ActivityHistory history = ActivityHistory.empty();
              for (List<List<Integer>> pattern : patterns) {
                for (int hour : pattern.get(0)) {
                  for (int week : pattern.get(1)) {
                    history =
                        history.recordedAt(FIRST_WEEK.plus(Duration.ofHours(week * 168L + hour)));
                  }
                }
              }
              return history;
            });
  }

  /** Any second of the fifth week. */
  private static Gen<Instant> nows() {
    return longs().between(0, 7 * 24 * 3600 - 1).map(second -> FIFTH_WEEK.plusSeconds(second));
  }

  /** One second to three hours. */
  private static Gen<Duration> leads() {
    return longs().between(1, 3 * 3600).map(seconds -> Duration.ofSeconds(seconds));
  }
}
