package dev.paastis.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeadlineTest {

  private static Deadline passedOneSecondAgo() {
    return Deadline.after(System.nanoTime() - 3_000_000_000L, Duration.ofSeconds(2));
  }

  @Test
  void no_deadline_never_passes_and_bounds_nothing() {
    Deadline none = Deadline.none();

    assertThat(none.isNone()).isTrue();
    assertThat(none.hasPassed()).isFalse();
    assertThat(none.left()).isGreaterThan(Duration.ofDays(365));
    assertThat(none.bound(Duration.ofSeconds(10))).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void a_deadline_in_the_future_bounds_a_longer_limit_by_the_time_left() {
    Deadline deadline = Deadline.in(Duration.ofHours(1));

    assertThat(deadline.hasPassed()).isFalse();
    assertThat(deadline.budget()).isEqualTo(Duration.ofHours(1));
    assertThat(deadline.left()).isBetween(Duration.ofMinutes(59), Duration.ofHours(1));
    assertThat(deadline.bound(Duration.ofSeconds(10))).isEqualTo(Duration.ofSeconds(10));
    assertThat(deadline.bound(Duration.ofHours(2))).isLessThanOrEqualTo(Duration.ofHours(1));
  }

  @Test
  void a_passed_deadline_leaves_no_time_for_anything() {
    Deadline passed = passedOneSecondAgo();

    assertThat(passed.hasPassed()).isTrue();
    assertThat(passed.left()).isZero();
    assertThat(passed.bound(Duration.ofSeconds(10))).isZero();
    assertThat(passed.budget()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void the_earliest_of_two_deadlines_is_the_one_that_comes_first_and_none_comes_last() {
    Deadline soon = Deadline.in(Duration.ofSeconds(2));
    Deadline later = Deadline.in(Duration.ofMinutes(2));

    assertThat(soon.earliest(later)).isSameAs(soon);
    assertThat(later.earliest(soon)).isSameAs(soon);
    assertThat(Deadline.none().earliest(later)).isSameAs(later);
    assertThat(later.earliest(Deadline.none())).isSameAs(later);
  }
}
