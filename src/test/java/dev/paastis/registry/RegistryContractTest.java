package dev.paastis.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paastis.app.Formation;
import dev.paastis.policy.ActivityHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link Registry} must do; each implementation's test supplies the instance. */
public abstract class RegistryContractTest {

  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
  private Registry registry;

  protected abstract Registry newRegistry() throws Exception;

  @BeforeEach
  void setUpRegistry() throws Exception {
    registry = newRegistry();
  }

  private static ManagedApp app(String key) {
    return ManagedApp.registered(key, "local", Optional.of("eu"), Duration.ofMinutes(15), T0);
  }

  @Test
  void a_put_app_can_be_read_back_whole() {
    ManagedApp app = app("shop").stopped(Formation.of(Map.of("web", 2)), T0.plusSeconds(60));

    registry.put(app).await();

    assertThat(registry.get("shop").await()).contains(app);
    assertThat(registry.get("unknown").await()).isEmpty();
  }

  @Test
  void a_put_app_keeps_its_activity_and_a_touch_adds_to_it() {
    ManagedApp used = app("shop").accessedAt(T0).accessedAt(T0.plus(Duration.ofDays(3)));
    registry.put(used).await();

    assertThat(registry.get("shop").await()).contains(used);
    assertThat(registry.all().await()).containsExactly(used);

    Instant later = T0.plus(Duration.ofDays(3)).plus(Duration.ofHours(5));
    registry.touch("shop", later).await();
    assertThat(registry.get("shop").await().orElseThrow().activity())
        .isEqualTo(used.activity().recordedAt(later));

    // a record put with no activity has none any more
    registry.put(app("shop")).await();
    assertThat(registry.get("shop").await().orElseThrow().activity())
        .isEqualTo(ActivityHistory.empty());
  }

  @Test
  void touches_keep_the_activity_as_the_history_itself_would_over_weeks_and_gaps() {
    registry.put(app("shop")).await();
    ActivityHistory expected = ActivityHistory.empty();
    Random random = new Random(18);
    Instant at = T0;
    for (int touch = 0; touch < 300; touch++) {
      // mostly forward by a few hours, sometimes by days (the ring wraps, bytes of skipped hours
      // are cleared), sometimes back in time (a late touch)
      int roll = random.nextInt(10);
      Duration step =
          roll < 6
              ? Duration.ofMinutes(random.nextInt(600))
              : roll < 9
                  ? Duration.ofHours(24 + random.nextInt(300))
                  : Duration.ofHours(-random.nextInt(800));
      at = at.plus(step);
      registry.touch("shop", at).await();
      expected = expected.recordedAt(at);
      if (touch % 25 == 0) {
        assertThat(registry.get("shop").await().orElseThrow().activity()).isEqualTo(expected);
      }
    }
    assertThat(registry.get("shop").await().orElseThrow().activity()).isEqualTo(expected);
  }

  @Test
  void all_lists_every_tracked_app() {
    registry.put(app("b")).await();
    registry.put(app("a")).await();

    assertThat(registry.all().await()).extracting(ManagedApp::key).containsExactly("a", "b");
  }

  @Test
  void touch_moves_the_last_access_forward_only() {
    registry.put(app("shop")).await();

    registry.touch("shop", T0.plusSeconds(30)).await();
    registry.touch("shop", T0.plusSeconds(10)).await();
    registry.touch("unknown", T0.plusSeconds(10)).await();

    assertThat(registry.get("shop").await().orElseThrow().lastAccessedAt())
        .isEqualTo(T0.plusSeconds(30));
    assertThat(registry.get("unknown").await()).isEmpty();
  }

  @Test
  void remove_stops_tracking_and_says_whether_the_app_was_tracked() {
    registry.put(app("shop")).await();

    assertThat(registry.remove("shop").await()).isTrue();
    assertThat(registry.remove("shop").await()).isFalse();
    assertThat(registry.get("shop").await()).isEmpty();
  }
}
