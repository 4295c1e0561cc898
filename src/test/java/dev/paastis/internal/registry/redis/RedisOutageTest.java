package dev.paastis.internal.registry.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paastis.app.AppState;
import dev.paastis.app.Formation;
import dev.paastis.app.ProviderApp;
import dev.paastis.testing.TestRedis;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Redis stopped and started again under a running Paastis: nothing it wrote is lost. */
class RedisOutageTest {

  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
  private static final Duration IDLE = Duration.ofMinutes(15);

  private final TestRedis redis = TestRedis.ownServer();
  private final Vertx vertx = Vertx.vertx();
  private final RedisState state = RedisTesting.state(vertx, redis, "paastis:");

  @AfterEach
  void close() {
    state.close().await();
    vertx.close().await();
    redis.close();
  }

  private static ProviderApp app(String key) {
    return new ProviderApp(
        key,
        key,
        "heroku",
        AppState.RUNNING,
        Optional.of(URI.create("https://" + key + ".example.com")),
        Optional.empty(),
        Formation.DEFAULT);
  }

  @Test
  void touches_made_while_redis_is_down_are_written_when_it_returns() {
    state.tracker().registerIfAbsent(app("shop"), IDLE, T0).await();
    redis.stop();

    state.tracker().touch("shop", T0.plusSeconds(42)).await();
    redis.start();

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(state.registry().get("shop").await().orElseThrow().lastAccessedAt())
                    .isEqualTo(T0.plusSeconds(42)));
  }

  @Test
  void what_was_written_before_redis_restarted_is_still_there() {
    state.tracker().registerIfAbsent(app("shop"), IDLE, T0).await();
    state
        .tracker()
        .saveFormation("shop", Formation.of(Map.of("web", 2, "worker", 1)), T0.plusSeconds(60))
        .await();

    redis.restart();

    assertThat(state.registry().get("shop").await().orElseThrow().savedFormation())
        .contains(Formation.of(Map.of("web", 2, "worker", 1)));
  }
}
