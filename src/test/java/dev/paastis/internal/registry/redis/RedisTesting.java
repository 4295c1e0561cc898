package dev.paastis.internal.registry.redis;

import dev.paastis.config.RegistryConfig;
import dev.paastis.config.Secret;
import dev.paastis.testing.TestRedis;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Redis states for tests: each test its own key prefix on the shared server. */
final class RedisTesting {

  private RedisTesting() {}

  static String uniquePrefix() {
    return "test-" + UUID.randomUUID().toString().substring(0, 8) + ":";
  }

  static RedisState state(Vertx vertx, TestRedis redis, String prefix) {
    return RedisState.create(vertx, config(redis, prefix));
  }

  static RedisState state(Vertx vertx, TestRedis redis, String prefix, Duration claimTtl) {
    return RedisState.create(vertx, config(redis, prefix), claimTtl);
  }

  static RegistryConfig config(TestRedis redis, String prefix) {
    return new RegistryConfig(
        "redis", List.of(), Optional.of(new Secret(redis.url())), true, prefix);
  }
}
