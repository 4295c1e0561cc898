package dev.paastis.internal.registry.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paastis.internal.registry.AppTracker;
import dev.paastis.internal.registry.AppTracker.Claim;
import dev.paastis.testing.TestRedis;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Claims of two instances on one Redis: one holder at a time, until released or dead. */
class RedisClaimsTest {

  private static final Duration SHORT_TTL = Duration.ofMillis(300);

  private final TestRedis redis = TestRedis.shared();
  private final Vertx vertx = Vertx.vertx();
  private final String prefix = RedisTesting.uniquePrefix();
  private final RedisState first = RedisTesting.state(vertx, redis, prefix, SHORT_TTL);
  private final RedisState second = RedisTesting.state(vertx, redis, prefix, SHORT_TTL);

  @AfterEach
  void close() {
    first.close().await();
    second.close().await();
    vertx.close().await();
  }

  @Test
  void a_wake_claimed_by_one_instance_is_neither_woken_nor_stopped_by_another() {
    AppTracker a = first.tracker();
    AppTracker b = second.tracker();

    Claim held = a.claimWake("shop").await();

    assertThat(held.granted()).isTrue();
    assertThat(b.claimWake("shop").await().granted()).isFalse();
    assertThat(b.claimStop("shop").await().granted()).isFalse();
    assertThat(b.claimWake("blog").await().granted()).isTrue();

    held.release().await();
    Claim next = b.claimStop("shop").await();
    assertThat(next.granted()).isTrue();
    assertThat(a.claimWake("shop").await().granted()).isFalse();
    next.release().await();
  }

  @Test
  void a_claim_is_renewed_while_its_holder_works() throws Exception {
    Claim held = first.tracker().claimWake("shop").await();

    Thread.sleep(SHORT_TTL.toMillis() * 4);

    assertThat(second.tracker().claimWake("shop").await().granted()).isFalse();
    held.release().await();
  }

  @Test
  void the_claim_of_an_instance_that_died_expires() throws Exception {
    Vertx doomed = Vertx.vertx();
    RedisState dying = RedisTesting.state(doomed, redis, prefix, SHORT_TTL);
    assertThat(dying.tracker().claimWake("shop").await().granted()).isTrue();
    doomed.close().await(); // its renewal timer dies with it

    Thread.sleep(SHORT_TTL.toMillis() * 2);

    Claim taken = second.tracker().claimWake("shop").await();
    assertThat(taken.granted()).isTrue();
    taken.release().await();
  }

  @Test
  void a_late_release_does_not_free_the_claim_its_successor_took() {
    Claim lost = first.tracker().claimWake("shop").await();
    redis.command(Command.DEL, prefix + "lock:shop"); // as if it had expired
    Claim taken = second.tracker().claimWake("shop").await();

    lost.release().await();

    assertThat(taken.granted()).isTrue();
    assertThat(first.tracker().claimWake("shop").await().granted()).isFalse();
    taken.release().await();
  }
}
