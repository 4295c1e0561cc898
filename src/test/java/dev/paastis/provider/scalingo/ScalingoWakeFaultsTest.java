package dev.paastis.provider.scalingo;

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
 * Faults of the Scalingo API while a request wakes an app, through the real proxy, the Scalingo
 * provider and the fake Scalingo API: the client gets 503 with Retry-After within the operation
 * timeout, and the next request after the fault clears wakes the app.
 */
class ScalingoWakeFaultsTest {

  /**
   * Short, so that a hung API is given up quickly; long enough for a wake on a busy machine (the
   * scale operation is polled every second).
   */
  private static final Duration OPERATION_TIMEOUT = Duration.ofSeconds(5);

  /**
   * How long a client waits at most: far above the operation timeout, far below the 40 s that four
   * attempts of 10 s each took before a wake had a deadline.
   */
  private static final Duration NO_HANG = Duration.ofSeconds(20);

  private static final String REGION = "osc-fr1";

  private final Vertx vertx = Vertx.vertx();
  private final MutableClock clock = new MutableClock();
  private HttpClient client;
  private FakeScalingoApi scalingo;
  private Paastis paastis;

  @BeforeEach
  void setUp() throws Exception {
    client = vertx.createHttpClient();
    scalingo = FakeScalingoApi.start(vertx, ScalingoTesting.TOKEN, List.of(REGION));
  }

  @AfterEach
  void tearDown() {
    if (paastis != null) {
      paastis.stop().await();
    }
    scalingo.close();
    vertx.close().await();
  }

  private void startPaastis() {
    TestConfigs configs = new TestConfigs();
    configs.providers = List.of("scalingo");
    ScalingoProvider provider =
        ScalingoTesting.provider(vertx, scalingo, List.of(REGION), OPERATION_TIMEOUT);
    paastis = Paastis.create(configs.build(), vertx, new Providers(List.of(provider)), clock);
    paastis.start().await();
  }

  private TestHttp.Response get(String app) throws Exception {
    return TestHttp.getWithin(client, paastis.port(), app + ".proxy.test", "/", NO_HANG);
  }

  private void addStoppedApp(String name) {
    // behind the fake's router: the app answers only once its web container runs
    scalingo.addRoutedApp(REGION, name, Map.of("web", 0));
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
    addStoppedApp("newcomer");
    scalingo.failNext(1000, 500);

    String detail = assertRetryLater(get("newcomer"), "newcomer");

    assertThat(detail).contains("Scalingo answered 500 to GET /v1/apps/newcomer");
    scalingo.failNext(0, 500);
    assertThat(get("newcomer").status()).isEqualTo(200);
    assertThat(scalingo.formationOf(REGION, "newcomer")).containsEntry("web", 1);
  }

  @Test
  void a_5xx_while_waking_a_known_app_gives_503_then_the_next_request_wakes_it() throws Exception {
    addStoppedApp("sleepy");
    startPaastis();
    scalingo.failNext(1000, 502);

    String detail = assertRetryLater(get("sleepy"), "sleepy");

    assertThat(detail).contains("Scalingo answered 502");
    scalingo.failNext(0, 502);
    assertThat(get("sleepy").status()).isEqualTo(200);
  }

  @Test
  void a_hung_api_gives_503_at_the_operation_timeout_then_the_next_request_wakes_the_app()
      throws Exception {
    addStoppedApp("sleepy");
    startPaastis();
    scalingo.setLatency(Duration.ofMinutes(5));

    String detail = assertRetryLater(get("sleepy"), "sleepy");

    assertThat(detail).containsIgnoringCase("scalingo");
    scalingo.setLatency(Duration.ZERO);
    assertThat(get("sleepy").status()).isEqualTo(200);
    assertThat(scalingo.formationOf(REGION, "sleepy")).containsEntry("web", 1);
  }
}
