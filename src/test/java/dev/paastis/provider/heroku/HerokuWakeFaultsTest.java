package dev.paastis.provider.heroku;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paastis.Paastis;
import dev.paastis.provider.Providers;
import dev.paastis.testing.MutableClock;
import dev.paastis.testing.TestConfigs;
import dev.paastis.testing.TestHttp;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Faults of the Heroku API while a request wakes an app, through the real proxy, the Heroku
 * provider and the fake Heroku API: the client gets 503 with Retry-After within the operation
 * timeout, and the next request after the fault clears wakes the app. Apps stand behind the fake's
 * router: their web URL answers only once a web dyno is up.
 */
class HerokuWakeFaultsTest {

  /**
   * Short, so that a hung API is given up quickly; long enough for a wake on a busy machine (the
   * provider reuses a state reading for 1 s).
   */
  private static final Duration OPERATION_TIMEOUT = Duration.ofSeconds(3);

  /**
   * How long a client waits at most: far above the operation timeout, far below the 40 s that four
   * attempts of 10 s each took before a wake had a deadline.
   */
  private static final Duration NO_HANG = Duration.ofSeconds(15);

  private final Vertx vertx = Vertx.vertx();
  private final MutableClock clock = new MutableClock();
  private HttpClient client;
  private FakeHerokuApi heroku;
  private Paastis paastis;

  @BeforeEach
  void setUp() throws Exception {
    client = vertx.createHttpClient();
    heroku = FakeHerokuApi.start(vertx, HerokuProviderContractTest.TOKEN);
  }

  @AfterEach
  void tearDown() {
    if (paastis != null) {
      paastis.stop().await();
    }
    heroku.close();
    vertx.close().await();
  }

  private void startPaastis() {
    TestConfigs configs = new TestConfigs();
    configs.providers = List.of("heroku");
    HerokuProvider provider =
        HerokuProviderContractTest.newHerokuProvider(
            vertx, heroku, List.of(), clock, OPERATION_TIMEOUT);
    paastis = Paastis.create(configs.build(), vertx, new Providers(List.of(provider)), clock);
    paastis.start().await();
  }

  private TestHttp.Response get(String app) throws Exception {
    return TestHttp.getWithin(client, paastis.port(), app + ".proxy.test", "/", NO_HANG);
  }

  /** 503, Retry-After, and a problem naming the app; returns the problem's detail. */
  private static String assertRetryLater(TestHttp.Response response, String app) {
    assertThat(response.status()).isEqualTo(503);
    assertThat(response.headers().get("retry-after")).isEqualTo("5");
    assertThat(response.headers().get("content-type")).isEqualTo("application/problem+json");
    JsonObject problem = response.json();
    assertThat(problem.getString("app")).isEqualTo(app);
    assertThat(problem.getString("detail")).contains(app);
    return problem.getString("detail");
  }

  @Test
  void a_5xx_on_the_lookup_of_an_app_gives_503_then_the_next_request_wakes_it() throws Exception {
    startPaastis();
    heroku.addRoutedApp("newcomer", "eu", Map.of("web", 0));
    heroku.failNext(1000, 500);

    String detail = assertRetryLater(get("newcomer"), "newcomer");

    assertThat(detail).contains("Heroku answered 500 to GET /apps/newcomer");
    heroku.failNext(0, 500);
    assertThat(get("newcomer").status()).isEqualTo(200);
    assertThat(heroku.formationOf("newcomer")).containsEntry("web", 1);
  }

  @Test
  void a_5xx_while_waking_a_known_app_gives_503_then_the_next_request_wakes_it() throws Exception {
    heroku.addRoutedApp("sleepy", "eu", Map.of("web", 0));
    startPaastis();
    heroku.failNext(1000, 503);

    String detail = assertRetryLater(get("sleepy"), "sleepy");

    assertThat(detail).contains("Heroku answered 503");
    heroku.failNext(0, 503);
    assertThat(get("sleepy").status()).isEqualTo(200);
  }

  @Test
  void a_hung_api_gives_503_at_the_operation_timeout_then_the_next_request_wakes_the_app()
      throws Exception {
    heroku.addRoutedApp("sleepy", "eu", Map.of("web", 0));
    startPaastis();
    heroku.setLatency(Duration.ofMinutes(5));

    String detail = assertRetryLater(get("sleepy"), "sleepy");

    assertThat(detail).containsIgnoringCase("heroku");
    heroku.setLatency(Duration.ZERO);
    assertThat(get("sleepy").status()).isEqualTo(200);
    assertThat(heroku.formationOf("sleepy")).containsEntry("web", 1);
  }

  @Test
  void a_429_whose_retry_after_ends_past_the_operation_timeout_gives_503_without_retrying()
      throws Exception {
    heroku.addRoutedApp("sleepy", "eu", Map.of("web", 0));
    startPaastis();
    heroku.rateLimitNext(1000, Duration.ofSeconds(10));
    int calls = heroku.calls().count();

    String detail = assertRetryLater(get("sleepy"), "sleepy");

    assertThat(detail).contains("Heroku answered 429");
    assertThat(heroku.calls().count()).isEqualTo(calls + 1);
    heroku.rateLimitNext(0, Duration.ZERO);
    assertThat(get("sleepy").status()).isEqualTo(200);
  }

  @Test
  void a_token_rejected_during_a_wake_gives_502_naming_the_variable_without_retry_after()
      throws Exception {
    heroku.addRoutedApp("sleepy", "eu", Map.of("web", 0));
    startPaastis();
    heroku.rejectToken(true);

    TestHttp.Response response = get("sleepy");

    assertThat(response.status()).isEqualTo(502);
    assertThat(response.headers().get("retry-after")).isNull();
    assertThat(response.json().getString("app")).isEqualTo("sleepy");
    assertThat(response.json().getString("detail")).contains("PROVIDER_HEROKU_API_TOKEN");
  }
}
