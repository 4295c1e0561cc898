package dev.paastis.internal.registry.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paastis.config.RegistryConfig;
import dev.paastis.config.Secret;
import dev.paastis.registry.RegistryUnavailableException;
import dev.paastis.testing.TestRedis;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** rediss:// to a Redis with a self-signed certificate, as managed Redis offers give. */
class RedisTlsTest {

  private static final TestRedis REDIS = TestRedis.withTls();

  private final Vertx vertx = Vertx.vertx();
  private RedisState state;

  @AfterEach
  void close() {
    if (state != null) {
      state.close().await();
    }
    vertx.close().await();
  }

  @AfterAll
  static void stop() {
    REDIS.close();
  }

  private RedisState connect(boolean verify) {
    state =
        RedisState.create(
            vertx,
            new RegistryConfig(
                "redis",
                List.of(),
                Optional.of(new Secret(REDIS.url())),
                verify,
                RedisTesting.uniquePrefix()));
    return state;
  }

  @Test
  void with_the_check_turned_off_a_self_signed_certificate_is_accepted() {
    assertThat(REDIS.url()).startsWith("rediss://");

    connect(false).registry().ping().await();
  }

  @Test
  void by_default_a_certificate_no_authority_signed_is_refused() {
    assertThatThrownBy(() -> connect(true).registry().ping().await())
        .isInstanceOf(RegistryUnavailableException.class);
  }
}
