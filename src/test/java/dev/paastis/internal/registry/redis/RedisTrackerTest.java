package dev.paastis.internal.registry.redis;

import dev.paastis.internal.registry.AppTracker;
import dev.paastis.internal.registry.AppTrackerContractTest;
import dev.paastis.testing.TestRedis;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;

class RedisTrackerTest extends AppTrackerContractTest {

  private final Vertx vertx = Vertx.vertx();
  private RedisState state;

  @Override
  protected AppTracker newTracker() {
    state = RedisTesting.state(vertx, TestRedis.shared(), RedisTesting.uniquePrefix());
    return state.tracker();
  }

  @AfterEach
  void close() {
    state.close().await();
    vertx.close().await();
  }
}
