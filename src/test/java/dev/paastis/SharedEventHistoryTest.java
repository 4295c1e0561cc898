package dev.paastis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paastis.events.Event;
import dev.paastis.events.EventType;
import dev.paastis.provider.Providers;
import dev.paastis.testing.FakeProvider;
import dev.paastis.testing.MutableClock;
import dev.paastis.testing.TestConfigs;
import dev.paastis.testing.TestHttp;
import dev.paastis.testing.TestPostgres;
import dev.paastis.testing.TestUpstream;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
    TestConfigs configs = new TestConfigs();
    configs.databaseUrl = Optional.of(databaseUrl);
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
