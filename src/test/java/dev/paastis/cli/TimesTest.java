package dev.paastis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimesTest {

  private static final Instant NOW = Instant.parse("2026-11-25T10:15:30Z");

  @Test
  void compact_keeps_at_most_two_units_rounded_down() {
    assertThat(Times.compact(Duration.ZERO)).isEqualTo("0s");
    assertThat(Times.compact(Duration.ofSeconds(59))).isEqualTo("59s");
    assertThat(Times.compact(Duration.ofSeconds(60))).isEqualTo("1m");
    assertThat(Times.compact(Duration.ofSeconds(12 * 60 + 59))).isEqualTo("12m");
    assertThat(Times.compact(Duration.ofHours(1))).isEqualTo("1h");
    assertThat(Times.compact(Duration.ofMinutes(65).plusSeconds(30))).isEqualTo("1h5m");
    assertThat(Times.compact(Duration.ofDays(2))).isEqualTo("2d");
    assertThat(Times.compact(Duration.ofHours(51).plusMinutes(59))).isEqualTo("2d3h");
    assertThat(Times.compact(Duration.ofSeconds(-5))).isEqualTo("0s");
  }

  @Test
  void ago_counts_back_from_now() {
    assertThat(Times.ago(NOW.minusSeconds(180), NOW)).isEqualTo("3m ago");
    assertThat(Times.ago(NOW.minusSeconds(7), NOW)).isEqualTo("7s ago");
    assertThat(Times.ago(NOW.minus(Duration.ofDays(3)), NOW)).isEqualTo("3d ago");
    assertThat(Times.ago(NOW.minusMillis(300), NOW)).isEqualTo("just now");
    assertThat(Times.ago(NOW.plusSeconds(4), NOW)).isEqualTo("just now");
  }

  @Test
  void until_counts_forward_and_says_due_once_passed() {
    assertThat(Times.until(NOW.plusSeconds(12 * 60 + 10), NOW)).isEqualTo("12m");
    assertThat(Times.until(NOW.plusSeconds(40), NOW)).isEqualTo("40s");
    assertThat(Times.until(NOW, NOW)).isEqualTo("due");
    assertThat(Times.until(NOW.minusSeconds(30), NOW)).isEqualTo("due");
  }

  @Test
  void hours_have_one_decimal() {
    assertThat(Times.hours(0)).isEqualTo("0h");
    assertThat(Times.hours(60)).isEqualTo("<0.1h");
    assertThat(Times.hours(360)).isEqualTo("0.1h");
    assertThat(Times.hours(3600)).isEqualTo("1.0h");
    assertThat(Times.hours(45_000)).isEqualTo("12.5h");
  }

  @Test
  void elapsed_and_iso() {
    assertThat(Times.elapsed(Duration.ofMillis(2340))).isEqualTo("2.3s");
    assertThat(Times.iso(Instant.parse("2026-11-25T10:15:30.123456Z")))
        .isEqualTo("2026-11-25T10:15:30Z");
  }
}
