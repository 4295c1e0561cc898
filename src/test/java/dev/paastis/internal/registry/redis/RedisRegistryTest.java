package dev.paastis.internal.registry.redis;

import dev.paastis.registry.Registry;
import dev.paastis.registry.RegistryContractTest;
import dev.paastis.testing.TestRedis;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;

class RedisRegistryTest extends RegistryContractTest {

  private final Vertx vertx = Vertx.vertx();
  private RedisState state;

  @Override
  protected Registry newRegistry() {
    state = RedisTesting.state(vertx, TestRedis.shared(), RedisTesting.uniquePrefix());
    return state.registry();
  }

  @AfterEach
  void close() {
    state.close().await();
    vertx.close().await();
  }
}
