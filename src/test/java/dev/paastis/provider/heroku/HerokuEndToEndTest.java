package dev.paastis.provider.heroku;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paastis.Paastis;
import dev.paastis.testing.MutableClock;
import dev.paastis.testing.TestHttp;
import io.vertx.core.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real Paastis with the Heroku provider against the fake API and real upstream servers. */
class HerokuEndToEndTest {

  private HerokuStage stage;
  private MutableClock clock;
  private HttpClient client;
  private FakeHerokuApi heroku;
  private Paastis paastis;

  @BeforeEach
  void setUp() throws Exception {
    stage = new HerokuStage();
    clock = stage.clock;
    client = stage.client;
    heroku = stage.heroku;
  }

  @AfterEach
  void tearDown() {
    stage.close();
  }

  private void startPaastis() {
    paastis = stage.startPaastis(configs -> {});
  }

  private String webUrl() {
    return stage.webUrl();
  }

  @Test
  void a_request_wakes_a_sleeping_heroku_app_and_is_served() throws Exception {
    heroku.addRoutedApp("sleepy", "eu", Map.of("web", 0));
    startPaastis();

    TestHttp.Response response = TestHttp.get(client, paastis.port(), "sleepy.proxy.test", "/hi");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().getString("path")).isEqualTo("/hi");
    assertThat(heroku.formationOf("sleepy")).containsEntry("web", 1);
  }

  @Test
  void an_idle_app_with_2_web_and_1_worker_is_stopped_then_restored_exactly() throws Exception {
    heroku.addRoutedApp("shop", "eu", Map.of("web", 2, "worker", 1));
    startPaastis();

    clock.advance(Duration.ofMinutes(6));
    paastis.tick().await();
    assertThat(heroku.formationOf("shop")).containsEntry("web", 0).containsEntry("worker", 0);

    assertThat(TestHttp.get(client, paastis.port(), "shop.proxy.test", "/").status())
        .isEqualTo(200);
    assertThat(heroku.formationOf("shop")).containsEntry("web", 2).containsEntry("worker", 1);
  }

  @Test
  void an_app_without_web_url_is_answered_with_a_502_naming_it() throws Exception {
    heroku.addApp("worker-box", "eu", null, Map.of("worker", 1));
    startPaastis();

    TestHttp.Response response = TestHttp.get(client, paastis.port(), "worker-box.test", "/");

    assertThat(response.status()).isEqualTo(502);
    assertThat(response.json().getString("detail")).contains("worker-box");
  }

  @Test
  void requests_to_a_running_app_make_no_api_call() throws Exception {
    heroku.addApp("hot", "eu", webUrl(), Map.of("web", 1));
    startPaastis();
    TestHttp.get(client, paastis.port(), "hot.proxy.test", "/");
    int calls = heroku.calls().count();

    for (int i = 0; i < 20; i++) {
      assertThat(TestHttp.get(client, paastis.port(), "hot.proxy.test", "/").status())
          .isEqualTo(200);
    }

    assertThat(heroku.calls().count()).isEqualTo(calls);
  }

  @Test
  void a_running_app_the_listing_had_no_tokens_to_read_is_served_and_tracked_at_its_first_request()
      throws Exception {
    heroku.addApp("late", "eu", webUrl(), Map.of("web", 1));
    heroku.setRemaining(HerokuProvider.LOW_REMAINING); // the page of apps spends one
    startPaastis();
    assertThat(paastis.registry().get("late").await()).isEmpty();

    assertThat(TestHttp.get(client, paastis.port(), "late.proxy.test", "/").status())
        .isEqualTo(200);

    assertThat(paastis.registry().get("late").await()).isPresent();
    assertThat(heroku.calls().count("PATCH", "/apps/late/formation")).isZero();
  }

  @Test
  void idle_apps_are_stopped_while_the_account_keeps_tokens_for_wakes_and_the_rest_later() {
    for (int i = 0; i < 100; i++) {
      heroku.addApp(String.format("idle-%03d", i), "eu", webUrl(), Map.of("web", 1));
    }
    startPaastis();
    heroku.setRemaining(HerokuProvider.LOW_REMAINING + 60);
    clock.advance(Duration.ofMinutes(6));

    paastis.tick().await();

    // a stop costs at most 3 calls (formation, dynos, batch update), 4 stops run at once
    assertThat(heroku.remaining()).isGreaterThanOrEqualTo(HerokuProvider.LOW_REMAINING - 3 * 4);
    assertThat(stoppedApps()).isPositive().isLessThan(100);

    heroku.setRemaining(4500); // the pool refilled
    paastis.tick().await();
    assertThat(stoppedApps()).isEqualTo(100);
  }

  private long stoppedApps() {
    return java.util.stream.IntStream.range(0, 100)
        .filter(i -> heroku.formationOf(String.format("idle-%03d", i)).get("web") == 0)
        .count();
  }

  @Test
  void a_rejected_token_stops_paastis_at_startup_naming_the_variable() {
    heroku.rejectToken(true);

    assertThatThrownBy(this::startPaastis)
        .hasMessageContaining("PROVIDER_HEROKU_API_TOKEN was rejected by Heroku (401)");
  }

  @Test
  void paastis_with_200_idle_apps_stays_under_1000_calls_an_hour() {
    for (int i = 0; i < 200; i++) {
      heroku.addApp(String.format("idle-%03d", i), "eu", webUrl(), Map.of("web", 0));
    }
    startPaastis();

    for (int minute = 0; minute < 60; minute++) {
      clock.advance(Duration.ofMinutes(1));
      paastis.tick().await();
    }

    assertThat(heroku.calls().count()).isLessThan(1000);
  }
}
