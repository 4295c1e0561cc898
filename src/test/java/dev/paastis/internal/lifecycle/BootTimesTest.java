package dev.paastis.internal.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BootTimesTest {

  private final BootTimes boots = new BootTimes();

  private static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }

  @Test
  void an_app_never_booted_has_no_expected_boot_time() {
    assertThat(boots.expected("shop")).isEmpty();
  }

  @Test
  void the_expected_boot_time_is_the_median_so_one_slow_boot_does_not_move_it() {
    boots.record("shop", ms(1000));
    boots.record("shop", ms(9000));
    boots.record("shop", ms(1100));

    assertThat(boots.expected("shop")).contains(ms(1100));
  }

  @Test
  void an_even_count_of_boots_expects_the_middle_of_the_two_middle_ones() {
    boots.record("shop", ms(1000));
    boots.record("shop", ms(1200));

    assertThat(boots.expected("shop")).contains(ms(1100));
  }

  @Test
  void only_the_last_five_boots_count_so_an_app_that_became_slower_is_expected_slower() {
    for (int i = 0; i < 5; i++) {
      boots.record("shop", ms(1000));
    }
    for (int i = 0; i < 3; i++) {
      boots.record("shop", ms(4000));
    }

    assertThat(boots.expected("shop")).contains(ms(4000));
  }

  @Test
  void each_app_has_its_own_boot_times() {
    boots.record("shop", ms(1000));
    boots.record("blog", ms(30_000));

    assertThat(boots.expected("shop")).contains(ms(1000));
    assertThat(boots.expected("blog")).contains(ms(30_000));
  }

  @Test
  void the_recent_boots_are_the_last_five_oldest_first() {
    assertThat(boots.recent("shop")).isEmpty();
    for (int i = 1; i <= 7; i++) {
      boots.record("shop", ms(i * 1000));
    }

    assertThat(boots.recent("shop"))
        .containsExactly(ms(3000), ms(4000), ms(5000), ms(6000), ms(7000));
    assertThat(boots.recent("blog")).isEmpty();
  }
}
