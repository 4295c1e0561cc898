package dev.paastis.provider.heroku;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paastis.Paastis;
import dev.paastis.app.AppState;
import dev.paastis.app.ProviderApp;
import dev.paastis.events.Event;
import dev.paastis.events.EventType;
import dev.paastis.testing.TestHttp;
import dev.paastis.testing.TestRedis;
import dev.paastis.testing.TestUpstream;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Paastis instances sharing one real Redis, in front of the fake Heroku API: what one instance
 * saved, the next one restores; together they start and stop an app once.
 */
class SharedRedisEndToEndTest {

  private final String prefix = "e2e-" + UUID.randomUUID().toString().substring(0, 8) + ":";
  private HerokuStage stage;
  private HttpClient client;
  private FakeHerokuApi heroku;
  private TestUpstream upstream;

  @BeforeEach
  void setUp() throws Exception {
    stage = new HerokuStage();
    client = stage.client;
    heroku = stage.heroku;
    upstream = stage.upstream;
  }

  @AfterEach
  void tearDown() {
    stage.close();
  }

  private Paastis startPaastis() {
    return stage.startPaastis(
        configs -> {
          configs.redisUrl = java.util.Optional.of(TestRedis.shared().url());
          configs.redisKeyPrefix = prefix;
        });
  }

  private int formationChanges(String app) {
    return heroku.calls().count("PATCH", "/apps/" + app + "/formation");
  }

  @Test
  void the_formation_saved_before_a_restart_is_restored_by_the_next_paastis() throws Exception {
    heroku.addApp("shop", "eu", upstream.uri() + "/", Map.of("web", 2, "worker", 1));
    Paastis first = startPaastis();
    stage.clock.advance(Duration.ofMinutes(6));
    first.tick().await();
    assertThat(heroku.formationOf("shop")).containsEntry("web", 0).containsEntry("worker", 0);
    first.stop().await();

    Paastis next = startPaastis();
    TestHttp.Response response = TestHttp.get(client, next.port(), "shop.proxy.test", "/");

    assertThat(response.status()).isEqualTo(200);
    assertThat(heroku.formationOf("shop")).containsEntry("web", 2).containsEntry("worker", 1);
  }

  @Test
  void requests_split_across_two_instances_start_a_sleeping_app_once() {
    heroku.addApp("sleepy", "eu", upstream.uri() + "/", Map.of("web", 0));
    heroku.setBootDelay(Duration.ofMillis(500));
    Paastis a = startPaastis();
    Paastis b = startPaastis();

    List<Future<TestHttp.Response>> responses = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      int port = (i % 2 == 0 ? a : b).port();
      responses.add(
          TestHttp.send(
              client, port, HttpMethod.GET, "sleepy.proxy.test", "/n/" + i, Map.of(), null));
    }
    List<TestHttp.Response> answered = Future.all(responses).await().list();

    assertThat(answered).extracting(TestHttp.Response::status).containsOnly(200);
    assertThat(formationChanges("sleepy")).isEqualTo(1);
  }

  @Test
  void two_instances_ticking_together_stop_an_idle_app_once() {
    heroku.addApp("shop", "eu", upstream.uri() + "/", Map.of("web", 1));
    Paastis a = startPaastis();
    Paastis b = startPaastis();
    stage.clock.advance(Duration.ofMinutes(6));

    Future.all(a.tick(), b.tick()).await();

    assertThat(heroku.formationOf("shop")).containsEntry("web", 0);
    assertThat(formationChanges("shop")).isEqualTo(1);
  }

  @Test
  void an_app_woken_through_one_instance_is_served_by_the_other_without_a_provider_call()
      throws Exception {
    heroku.addApp("sleepy", "eu", upstream.uri() + "/", Map.of("web", 0));
    Paastis a = startPaastis();
    Paastis b = startPaastis();

    assertThat(TestHttp.get(client, a.port(), "sleepy.proxy.test", "/").status()).isEqualTo(200);

    // the news of the start reaches the other instance within a second
    Awaitility.await()
        .atMost(Duration.ofSeconds(1))
        .until(() -> b.lifecycle().catalog().state(app(b, "sleepy")) == AppState.RUNNING);
    int calls = heroku.calls().count();
    assertThat(TestHttp.get(client, b.port(), "sleepy.proxy.test", "/").status()).isEqualTo(200);
    assertThat(heroku.calls().count()).isEqualTo(calls);
  }

  @Test
  void only_the_leader_lists_the_provider_and_the_other_instance_follows_its_listing() {
    heroku.addApp("shop", "eu", upstream.uri() + "/", Map.of("web", 1));
    Paastis a = startPaastis();
    Paastis b = startPaastis();
    heroku.calls().clear();

    for (int minute = 0; minute < 3; minute++) {
      Future.all(a.tick(), b.tick()).await();
    }

    assertThat(heroku.calls().count("GET", "/apps")).isEqualTo(3);
    assertThat(b.lifecycle().catalog().get("shop")).isPresent();
  }

  @Test
  void every_instance_sees_the_events_of_the_others() throws Exception {
    heroku.addApp("sleepy", "eu", upstream.uri() + "/", Map.of("web", 0));
    Paastis a = startPaastis();
    Paastis b = startPaastis();
    List<Event> seenByB = new CopyOnWriteArrayList<>();
    b.onEvent(seenByB::add);

    assertThat(TestHttp.get(client, a.port(), "sleepy.proxy.test", "/").status()).isEqualTo(200);

    Awaitility.await()
        .atMost(Duration.ofSeconds(1))
        .until(
            () ->
                seenByB.stream()
                    .anyMatch(
                        event ->
                            event.type() == EventType.APP_STARTED && event.app().equals("sleepy")));
  }

  private static ProviderApp app(Paastis paastis, String key) {
    return paastis.lifecycle().catalog().get(key).orElseThrow();
  }
}
