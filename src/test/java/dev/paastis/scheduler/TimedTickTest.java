package dev.paastis.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paastis.metrics.PrometheusMetrics;
import io.vertx.core.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TimedTickTest {

  private final PrometheusMetrics prometheus = new PrometheusMetrics();

  @AfterEach
  void tearDown() {
    prometheus.close();
  }

  private String scrape() {
    return prometheus.registry().scrape();
  }

  @Test
  void every_tick_is_timed_whether_it_succeeds_fails_or_throws() {
    new TimedTick(Future::succeededFuture, prometheus.metrics()).get().await();
    TimedTick failing =
        new TimedTick(() -> Future.failedFuture("provider down"), prometheus.metrics());
    assertThatThrownBy(() -> failing.get().await()).hasMessageContaining("provider down");
    TimedTick throwing =
        new TimedTick(
            () -> {
              throw new IllegalStateException("bug");
            },
            prometheus.metrics());
    assertThatThrownBy(() -> throwing.get().await()).hasMessageContaining("bug");

    assertThat(scrape().lines())
        .contains(
            "# TYPE paastis_scheduler_tick_seconds summary",
            "paastis_scheduler_tick_seconds_count 3");
  }
}
