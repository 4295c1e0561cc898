package dev.paastis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paastis.events.Event;
import dev.paastis.events.EventType;
import dev.paastis.internal.lifecycle.StopReason;
import dev.paastis.provider.Providers;
import dev.paastis.testing.FakeProvider;
import dev.paastis.testing.MutableClock;
import dev.paastis.testing.TestConfigs;
import dev.paastis.testing.TestHttp;
import dev.paastis.testing.TestPostgres;
import dev.paastis.testing.TestUpstream;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Paastis instances on one PostgreSQL event history: kept across restarts, seen by all. */
class SharedEventHistoryTest {

  private final Vertx vertx = Vertx.vertx();
  private final MutableClock clock = new MutableClock();
  private final String databaseUrl = TestPostgres.shared().newDatabase();
  private final List<Paastis> instances = new ArrayList<>();
  private HttpClient client;
  private TestUpstream upstream;

  @BeforeEach
  void setUp() throws Exception {
    client = vertx.createHttpClient();
    upstream = TestUpstream.start(vertx);
  }

  @AfterEach
  void tearDown() {
    instances.forEach(paastis -> paastis.stop().await());
    vertx.close().await();
  }

  private Paastis startPaastis() {
    return startPaastis(Optional.empty());
  }

  private Paastis startPaastis(Optional<String> adminToken) {
    TestConfigs configs = new TestConfigs();
    configs.databaseUrl = Optional.of(databaseUrl);
    configs.adminToken = adminToken;
    FakeProvider provider = new FakeProvider(vertx, "fake", Duration.ofSeconds(5));
    provider.withStoppedApp("sleepy", upstream.uri());
    Paastis paastis =
        Paastis.create(configs.build(), vertx, new Providers(List.of(provider)), clock);
    paastis.start().await();
    instances.add(paastis);
    return paastis;
  }

  private static boolean started(List<Event> events) {
    return events.stream()
        .anyMatch(event -> event.type() == EventType.APP_STARTED && event.app().equals("sleepy"));
  }

  @Test
  void the_history_outlives_a_restart_and_every_instance_sees_the_events_of_the_others()
      throws Exception {
    Paastis first = startPaastis();
    Paastis second = startPaastis();
    List<Event> seenBySecond = new CopyOnWriteArrayList<>();
    second.onEvent(seenBySecond::add);

    assertThat(TestHttp.get(client, first.port(), "sleepy.proxy.test", "/").status())
        .isEqualTo(200);

    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> started(seenBySecond));
    first.stop().await();
    Paastis restarted = startPaastis();
    assertThat(started(restarted.events().recent(100).await())).isTrue();
  }

  @Test
  void the_savings_are_right_after_a_restart_that_forgot_the_tracked_apps() throws Exception {
    Optional<String> token = Optional.of("admin-token");
    Paastis first = startPaastis(token);
    assertThat(TestHttp.get(client, first.port(), "sleepy.proxy.test", "/").status())
        .isEqualTo(200);
    clock.advance(Duration.ofHours(1));
    // the lease of the request may be released a moment after its response arrived
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> first.lifecycle().stopper().stop("sleepy", StopReason.MANUAL).await());
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                first.events().recent(100).await().stream()
                    .anyMatch(event -> event.type() == EventType.APP_STOPPED));
    first.stop().await();
    clock.advance(Duration.ofHours(2));

    Paastis restarted = startPaastis(token); // its in-memory registry tracks nothing
    JsonObject savings =
        TestHttp.send(
                client,
                restarted.adminPort(),
                HttpMethod.GET,
                "localhost",
                "/api/savings",
                Map.of("authorization", "Bearer admin-token"),
                null)
            .await()
            .json();

    assertThat(savings.getJsonArray("apps"))
        .containsExactly(
            new JsonObject()
                .put("app", "sleepy")
                .put("hours_awake", 1.0)
                .put("hours_asleep", 2.0)
                .put("wakes", 1)
                .putNull("cost_per_hour")
                .putNull("saving"));
  }

  @Test
  void while_postgres_is_down_paastis_serves_and_readiness_says_the_event_store_is_down()
      throws Exception {
    TestPostgres own = TestPostgres.ownServer();
    try {
      TestConfigs configs = new TestConfigs();
      configs.databaseUrl = Optional.of(own.newDatabase());
      configs.adminToken = Optional.of("admin-token");
      FakeProvider provider = new FakeProvider(vertx, "fake", Duration.ofSeconds(5));
      provider.withStoppedApp("sleepy", upstream.uri());
      Paastis paastis =
          Paastis.create(configs.build(), vertx, new Providers(List.of(provider)), clock);
      paastis.start().await();
      instances.add(paastis);
      own.stop();

      assertThat(TestHttp.get(client, paastis.port(), "sleepy.proxy.test", "/").status())
          .isEqualTo(200);
      assertThat(
              TestHttp.get(client, paastis.adminPort(), "localhost", "/health/ready")
                  .json()
                  .getJsonObject("checks")
                  .getJsonObject("event_store")
                  .getString("status"))
          .isEqualTo("DOWN");

      own.start();
      Awaitility.await()
          .atMost(Duration.ofSeconds(15))
          .until(() -> started(paastis.events().recent(100).await()));
    } finally {
      instances.forEach(paastis -> paastis.stop().await());
      instances.clear();
      own.close();
    }
  }
}
