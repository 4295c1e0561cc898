package dev.paastis.provider.clevercloud;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Faults of the Clever Cloud API while a request wakes an app, through the real proxy, the provider
 * and the fake API: 503 with Retry-After within the operation timeout, then the next request after
 * the fault clears wakes the app.
 */
class CleverCloudWakeFaultsTest {

  /** Short, so that a hung API is given up quickly; long enough for a wake on a busy machine. */
  private static final Duration OPERATION_TIMEOUT = Duration.ofSeconds(4);

  /** Far above the operation timeout, far below four attempts of 10 s each. */
  private static final Duration NO_HANG = Duration.ofSeconds(20);

  private final Vertx vertx = Vertx.vertx();
  private final MutableClock clock = new MutableClock();
  private HttpClient client;
  private FakeCleverApi clever;
  private Paastis paastis;

  @BeforeEach
  void setUp() throws Exception {
    client = vertx.createHttpClient();
    clever = CleverTesting.fake(vertx);
  }

  @AfterEach
  void tearDown() {
    if (paastis != null) {
      paastis.stop().await();
    }
    clever.close();
    vertx.close().await();
  }

  private void startPaastis() {
    TestConfigs configs = new TestConfigs();
    configs.providers = List.of("clever-cloud");
    CleverCloudProvider provider = CleverTesting.provider(vertx, clever, OPERATION_TIMEOUT);
    paastis = Paastis.create(configs.build(), vertx, new Providers(List.of(provider)), clock);
    paastis.start().await();
  }

  private String addStoppedApp(String name) {
    // behind the fake's router: the app answers only once an instance is UP
    return clever.idOf(clever.addRoutedUserApp(name, "par", false));
  }

  private TestHttp.Response get(String id) throws Exception {
    return TestHttp.getWithin(client, paastis.port(), id + ".proxy.test", "/", NO_HANG);
  }

  private static void assertRetryLater(TestHttp.Response response, String id) {
    assertThat(response.status()).isEqualTo(503);
    assertThat(response.headers().get("retry-after")).isEqualTo("5");
    JsonObject problem = response.json();
    assertThat(problem.getString("app")).isEqualTo(id);
    assertThat(problem.getString("detail")).contains(id).containsIgnoringCase("clever");
  }

  @Test
  void a_5xx_on_the_lookup_of_an_app_gives_503_then_the_next_request_wakes_it() throws Exception {
    startPaastis();
    String id = addStoppedApp("newcomer");
    clever.failNext(1000, 500);

    assertRetryLater(get(id), id);

    clever.failNext(0, 500);
    assertThat(get(id).status()).isEqualTo(200);
    assertThat(clever.stateOf(id)).isEqualTo("SHOULD_BE_UP");
  }

  @Test
  void a_hung_api_gives_503_at_the_operation_timeout_then_the_next_request_wakes_the_app()
      throws Exception {
    String id = addStoppedApp("sleepy");
    startPaastis();
    clever.setLatency(Duration.ofMinutes(5));

    assertRetryLater(get(id), id);

    clever.setLatency(Duration.ZERO);
    assertThat(get(id).status()).isEqualTo(200);
  }
}
