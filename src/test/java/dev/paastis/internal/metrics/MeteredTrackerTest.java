package dev.paastis.internal.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paastis.config.RegistryConfig;
import dev.paastis.config.Secret;
import dev.paastis.internal.registry.AppTracker;
import dev.paastis.internal.registry.redis.RedisState;
import dev.paastis.registry.RegistryUnavailableException;
import dev.paastis.testing.TestRedis;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The writes of a shared registry count as registry errors when they fail. */
class MeteredTrackerTest {

  private final Vertx vertx = Vertx.vertx();
  private final PrometheusMetrics prometheus = new PrometheusMetrics();
  private final TestRedis redis = TestRedis.ownServer();
  private final RedisState state =
      RedisState.create(
          vertx,
          new RegistryConfig(
              "redis", List.of(), Optional.of(new Secret(redis.url())), true, "paastis:"));

  @AfterEach
  void tearDown() {
    state.close().await();
    vertx.close().await();
    prometheus.close();
    redis.close();
  }

  @Test
  void a_claim_redis_cannot_answer_is_a_registry_error_of_its_operation() {
    AppTracker tracker = new MeteredTracker(state.tracker(), prometheus.metrics());
    tracker.claimWake("shop").await().release().await();
    redis.stop();

    assertThatThrownBy(() -> tracker.claimWake("shop").await())
        .isInstanceOf(RegistryUnavailableException.class);

    assertThat(prometheus.registry().scrape().lines())
        .contains("paastis_registry_errors_total{operation=\"claim_wake\"} 1.0");
  }
}
