package dev.paastis.internal.registry.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paastis.app.AppState;
import dev.paastis.app.Formation;
import dev.paastis.app.ProviderApp;
import dev.paastis.internal.registry.AppTracker;
import dev.paastis.testing.TestRedis;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Response;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What Paastis writes in Redis, and what it leaves alone. */
class RedisLayoutTest {

  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
  private static final Duration IDLE = Duration.ofMinutes(15);

  private final TestRedis redis = TestRedis.shared();
  private final Vertx vertx = Vertx.vertx();
  private final String prefix = RedisTesting.uniquePrefix();
  private final RedisState state = RedisTesting.state(vertx, redis, prefix);
  private final AppTracker tracker = state.tracker();

  @AfterEach
  void close() {
    state.close().await();
    vertx.close().await();
  }

  private static ProviderApp app(String key) {
    return new ProviderApp(
        key,
        key,
        "heroku",
        AppState.RUNNING,
        Optional.of(URI.create("https://" + key + ".example.com")),
        Optional.of("eu"),
        Formation.DEFAULT);
  }

  private List<String> keysUnderPrefix() {
    List<String> keys = new ArrayList<>();
    String cursor = "0";
    do {
      Response page = redis.command(Command.SCAN, cursor, "MATCH", prefix + "*", "COUNT", 1000);
      cursor = page.get(0).toString();
      page.get(1).forEach(key -> keys.add(key.toString()));
    } while (!cursor.equals("0"));
    keys.sort(null);
    return keys;
  }

  @Test
  void an_app_is_a_versioned_json_record_an_entry_of_the_apps_hash_and_an_idle_deadline() {
    tracker.registerIfAbsent(app("shop"), IDLE, T0).await();

    assertThat(keysUnderPrefix())
        .containsExactly(prefix + "app:shop", prefix + "apps", prefix + "idle");
    JsonObject record = new JsonObject(redis.command(Command.GET, prefix + "app:shop").toString());
    assertThat(record.getInteger("v")).isEqualTo(1);
    assertThat(record.getString("provider")).isEqualTo("heroku");
    assertThat(record.getLong("lastAccessedAt")).isEqualTo(T0.toEpochMilli());
    assertThat(redis.command(Command.HGET, prefix + "apps", "shop").toString()).isEqualTo("heroku");
    assertThat(redis.command(Command.ZSCORE, prefix + "idle", "shop").toDouble())
        .isEqualTo((double) T0.plus(IDLE).toEpochMilli());
  }

  @Test
  void a_pin_is_in_the_record_and_the_pins_hash_until_it_ends() {
    tracker.registerIfAbsent(app("shop"), IDLE, T0).await();

    tracker.pin("shop", Optional.of(T0.plusSeconds(7200))).await();

    JsonObject record = new JsonObject(redis.command(Command.GET, prefix + "app:shop").toString());
    assertThat(record.getLong("pinnedUntil")).isEqualTo(T0.plusSeconds(7200).toEpochMilli());
    assertThat(redis.command(Command.HGET, prefix + "pins", "shop").toLong())
        .isEqualTo(T0.plusSeconds(7200).toEpochMilli());

    tracker.pin("shop", Optional.empty()).await();

    record = new JsonObject(redis.command(Command.GET, prefix + "app:shop").toString());
    assertThat(record.containsKey("pinnedUntil")).isFalse();
    assertThat(redis.command(Command.HGET, prefix + "pins", "shop")).isNull();
  }

  @Test
  void the_activity_is_a_bitmap_of_hours_beside_the_record_which_keeps_the_newest_hour() {
    tracker.registerIfAbsent(app("shop"), IDLE, T0).await();
    long hour = T0.getEpochSecond() / 3600;

    tracker.touch("shop", T0.plusSeconds(60)).await();
    tracker.touch("shop", T0.plus(Duration.ofHours(2))).await();

    assertThat(keysUnderPrefix())
        .containsExactly(
            prefix + "activity:shop", prefix + "app:shop", prefix + "apps", prefix + "idle");
    JsonObject record = new JsonObject(redis.command(Command.GET, prefix + "app:shop").toString());
    assertThat(record.getLong("activityHour")).isEqualTo(hour + 2);
    String bitmap = prefix + "activity:shop";
    assertThat(redis.command(Command.GETBIT, bitmap, hour % 672).toInteger()).isEqualTo(1);
    assertThat(redis.command(Command.GETBIT, bitmap, (hour + 1) % 672).toInteger()).isEqualTo(0);
    assertThat(redis.command(Command.GETBIT, bitmap, (hour + 2) % 672).toInteger()).isEqualTo(1);
    assertThat(redis.command(Command.BITCOUNT, bitmap).toInteger()).isEqualTo(2);
    assertThat(redis.command(Command.STRLEN, bitmap).toInteger()).isLessThanOrEqualTo(84);
  }

  @Test
  void a_record_without_activity_says_nothing_of_it_and_a_stray_bitmap_is_not_read() {
    // a bitmap left by an older Paastis that forgot the app without knowing of it
    redis.command(Command.SETBIT, prefix + "activity:shop", 5, 1);
    tracker.registerIfAbsent(app("shop"), IDLE, T0).await();

    JsonObject record = new JsonObject(redis.command(Command.GET, prefix + "app:shop").toString());
    assertThat(record.containsKey("activityHour")).isFalse();
    assertThat(state.registry().get("shop").await().orElseThrow().activity().hoursUsed()).isZero();

    tracker.touch("shop", T0).await();
    assertThat(redis.command(Command.BITCOUNT, prefix + "activity:shop").toInteger()).isEqualTo(1);
  }

  @Test
  void a_sleeping_app_leaves_the_idle_set_and_keeps_its_formation_in_its_record() {
    tracker.registerIfAbsent(app("shop"), IDLE, T0).await();

    tracker.saveFormation("shop", Formation.of(Map.of("web", 2, "worker", 1)), T0).await();

    assertThat(redis.command(Command.ZSCORE, prefix + "idle", "shop")).isNull();
    JsonObject record = new JsonObject(redis.command(Command.GET, prefix + "app:shop").toString());
    assertThat(record.getJsonObject("savedFormation").getMap())
        .isEqualTo(Map.of("web", 2, "worker", 1));
  }

  @Test
  void forgetting_every_app_removes_paastis_keys_only() {
    redis.command(Command.SET, "someone-else:session", "keep me");
    redis.command(Command.SET, "paastis-other:app:shop", "another prefix");
    tracker.registerIfAbsent(app("shop"), IDLE, T0).await();
    tracker.registerIfAbsent(app("blog"), IDLE, T0).await();
    tracker.touch("shop", T0.plusSeconds(60)).await();
    tracker.claimWake("shop").await().release().await();
    assertThat(keysUnderPrefix()).contains(prefix + "activity:shop");

    for (var tracked : tracker.all().await()) {
      tracker.forget(tracked.key()).await();
    }

    assertThat(keysUnderPrefix()).isEmpty();
    assertThat(redis.command(Command.GET, "someone-else:session").toString()).isEqualTo("keep me");
    assertThat(redis.command(Command.GET, "paastis-other:app:shop").toString())
        .isEqualTo("another prefix");
  }

  @Test
  void a_record_of_a_newer_schema_is_refused_not_misread_nor_rewritten() {
    tracker.registerIfAbsent(app("shop"), IDLE, T0).await();
    String newer =
        new JsonObject().put("v", 2).put("key", "shop").put("lastAccessedAt", 1).encode();
    redis.command(Command.SET, prefix + "app:shop", newer);

    assertThatThrownBy(() -> state.registry().get("shop").await())
        .hasMessageContaining("schema version 2; this Paastis reads version 1");
    assertThatThrownBy(() -> tracker.saveFormation("shop", Formation.DEFAULT, T0).await())
        .hasMessageContaining("has schema version 2, this Paastis reads version 1");
    assertThat(redis.command(Command.GET, prefix + "app:shop").toString()).isEqualTo(newer);
  }
}
