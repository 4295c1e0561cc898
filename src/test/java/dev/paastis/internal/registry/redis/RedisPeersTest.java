package dev.paastis.internal.registry.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paastis.app.AppState;
import dev.paastis.app.Formation;
import dev.paastis.app.ProviderApp;
import dev.paastis.events.Event;
import dev.paastis.events.EventType;
import dev.paastis.internal.registry.Peers;
import dev.paastis.testing.TestRedis;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Leadership and news between instances sharing one Redis. */
class RedisPeersTest {

  private static final Duration LEASE = Duration.ofMillis(300);

  private final TestRedis redis = TestRedis.shared();
  private final Vertx vertx = Vertx.vertx();
  private final String prefix = RedisTesting.uniquePrefix();
  private final List<RedisState> states = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    states.forEach(state -> state.close().await());
    vertx.close().await();
  }

  private Peers started(Vertx on) {
    RedisState state = RedisTesting.state(on, redis, prefix, LEASE);
    states.add(state);
    state.peers().start().await();
    return state.peers();
  }

  @Test
  void one_instance_leads_and_another_takes_over_within_two_leases_when_it_dies() {
    Vertx doomed = Vertx.vertx();
    Peers first = RedisTesting.state(doomed, redis, prefix, LEASE).peers();
    first.start().await();
    Peers second = started(vertx);
    assertThat(first.leads()).isTrue();
    assertThat(second.leads()).isFalse();

    doomed.close().await(); // no release: its lease must expire

    await().atMost(LEASE.multipliedBy(2).plusMillis(200)).until(second::leads);
  }

  @Test
  void a_leader_that_stops_hands_the_lead_over_at_its_next_attempt() {
    RedisState leaving = RedisTesting.state(vertx, redis, prefix, LEASE);
    leaving.peers().start().await();
    Peers staying = started(vertx);

    leaving.close().await();

    await().atMost(LEASE).until(staying::leads);
  }

  @Test
  void an_event_reaches_the_other_instances_and_not_its_own() {
    Peers a = started(vertx);
    Peers b = started(vertx);
    List<Event> seenByA = new CopyOnWriteArrayList<>();
    List<Event> seenByB = new CopyOnWriteArrayList<>();
    a.listen(seenByA::add);
    b.listen(seenByB::add);
    Event started =
        new Event(
            EventType.APP_STARTED,
            "shop",
            "heroku",
            Instant.parse("2026-01-01T10:00:00Z"),
            Map.of("durationMs", 812L));

    await()
        .untilAsserted(
            () -> {
              a.share(started);
              assertThat(seenByB).isNotEmpty();
            });

    assertThat(seenByB.get(0)).isEqualTo(started);
    assertThat(seenByA).isEmpty();
  }

  @Test
  void a_listing_shared_by_the_leader_is_kept_for_instances_that_start_later() {
    Peers leader = started(vertx);
    ProviderApp shop =
        new ProviderApp(
            "shop",
            "Shop",
            "heroku",
            AppState.RUNNING,
            Optional.of(URI.create("https://shop.example.com")),
            Optional.of("eu"),
            Formation.of(Map.of("web", 2)));

    leader.share("heroku", List.of(shop));

    Peers later = started(vertx);
    await().until(() -> later.lastListing("heroku").await().isPresent());
    assertThat(later.lastListing("heroku").await()).contains(List.of(shop));
    assertThat(later.lastListing("scalingo").await()).isEmpty();
  }
}
