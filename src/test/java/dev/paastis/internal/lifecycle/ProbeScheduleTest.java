package dev.paastis.internal.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProbeScheduleTest {

  private static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }

  private final ProbeSchedule oneSecondBoots = new ProbeSchedule(Optional.of(ms(1000)));

  @Test
  void around_the_expected_end_of_the_boot_the_app_is_probed_every_20_ms() {
    assertThat(oneSecondBoots.delayAfter(ms(800))).isEqualTo(ms(20));
    assertThat(oneSecondBoots.delayAfter(ms(1000))).isEqualTo(ms(20));
    assertThat(oneSecondBoots.delayAfter(ms(1200))).isEqualTo(ms(20));
  }

  @Test
  void before_the_window_it_is_probed_a_tenth_of_the_boot_apart_landing_on_the_window() {
    assertThat(oneSecondBoots.delayAfter(ms(0))).isEqualTo(ms(100));
    assertThat(oneSecondBoots.delayAfter(ms(750))).isEqualTo(ms(50));
    assertThat(oneSecondBoots.delayAfter(ms(795))).isEqualTo(ms(20));
  }

  @Test
  void after_the_window_a_late_boot_is_probed_less_and_less_often() {
    assertThat(oneSecondBoots.delayAfter(ms(2000))).isEqualTo(ms(100));
    assertThat(oneSecondBoots.delayAfter(ms(10_000))).isEqualTo(ms(500));
    assertThat(oneSecondBoots.delayAfter(ms(120_000))).isEqualTo(ProbeSchedule.SLOWEST);
  }

  @Test
  void a_long_boot_is_probed_at_most_once_a_second_before_its_window() {
    ProbeSchedule minuteBoots = new ProbeSchedule(Optional.of(Duration.ofSeconds(60)));

    assertThat(minuteBoots.delayAfter(ms(0))).isEqualTo(ProbeSchedule.SLOWEST);
    assertThat(minuteBoots.delayAfter(Duration.ofSeconds(50))).isEqualTo(ms(20));
    assertThat(minuteBoots.delayAfter(Duration.ofSeconds(72))).isEqualTo(ms(20));
    assertThat(minuteBoots.delayAfter(Duration.ofSeconds(80))).isEqualTo(ProbeSchedule.SLOWEST);
  }

  @Test
  void a_short_boot_gets_a_window_of_at_least_150_ms_each_side() {
    ProbeSchedule quickBoots = new ProbeSchedule(Optional.of(ms(200)));

    assertThat(quickBoots.delayAfter(ms(0))).isEqualTo(ms(50));
    assertThat(quickBoots.delayAfter(ms(60))).isEqualTo(ms(20));
    assertThat(quickBoots.delayAfter(ms(350))).isEqualTo(ms(20));
    assertThat(quickBoots.delayAfter(ms(500))).isEqualTo(ms(25));
  }

  @Test
  void only_the_window_around_the_expected_end_of_a_boot_is_around_it() {
    assertThat(oneSecondBoots.aroundExpectedEnd(ms(700))).isFalse();
    assertThat(oneSecondBoots.aroundExpectedEnd(ms(800))).isTrue();
    assertThat(oneSecondBoots.aroundExpectedEnd(ms(1200))).isTrue();
    assertThat(oneSecondBoots.aroundExpectedEnd(ms(1300))).isFalse();
    assertThat(new ProbeSchedule(Optional.empty()).aroundExpectedEnd(ms(1000))).isFalse();
    assertThat(oneSecondBoots.windowEnd()).contains(ms(1200));
  }

  @Test
  void a_boot_is_just_past_its_expected_end_from_that_end_to_the_end_of_the_window() {
    assertThat(oneSecondBoots.justPastExpectedEnd(ms(900))).isFalse();
    assertThat(oneSecondBoots.justPastExpectedEnd(ms(1000))).isTrue();
    assertThat(oneSecondBoots.justPastExpectedEnd(ms(1200))).isTrue();
    assertThat(oneSecondBoots.justPastExpectedEnd(ms(1201))).isFalse();
    assertThat(new ProbeSchedule(Optional.empty()).justPastExpectedEnd(ms(1000))).isFalse();
  }

  @Test
  void a_first_boot_is_probed_every_20_ms_then_a_twentieth_of_the_time_waited() {
    ProbeSchedule firstBoot = new ProbeSchedule(Optional.empty());

    assertThat(firstBoot.delayAfter(ms(0))).isEqualTo(ms(20));
    assertThat(firstBoot.delayAfter(ms(400))).isEqualTo(ms(20));
    assertThat(firstBoot.delayAfter(ms(1000))).isEqualTo(ms(50));
    assertThat(firstBoot.delayAfter(Duration.ofMinutes(2))).isEqualTo(ProbeSchedule.SLOWEST);
  }
}
