package dev.paastis.internal.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paastis.internal.metrics.MicrometerMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import org.junit.jupiter.api.Test;

class TimedTickTest {

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final MicrometerMetrics metrics = new MicrometerMetrics(meters);

  @Test
  void every_tick_is_timed_whether_it_succeeds_fails_or_throws() {
    new TimedTick(Future::succeededFuture, metrics).get().await();
    TimedTick failing = new TimedTick(() -> Future.failedFuture("provider down"), metrics);
    assertThatThrownBy(() -> failing.get().await()).hasMessageContaining("provider down");
    TimedTick throwing =
        new TimedTick(
            () -> {
              throw new IllegalStateException("bug");
            },
            metrics);
    assertThatThrownBy(() -> throwing.get().await()).hasMessageContaining("bug");

    assertThat(meters.get("paastis.scheduler.tick").timer().count()).isEqualTo(3);
  }
}
