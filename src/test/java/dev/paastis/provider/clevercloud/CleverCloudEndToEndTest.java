package dev.paastis.provider.clevercloud;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paastis.Paastis;
import dev.paastis.events.Event;
import dev.paastis.events.EventType;
import dev.paastis.provider.Providers;
import dev.paastis.testing.MutableClock;
import dev.paastis.testing.TestConfigs;
import dev.paastis.testing.TestHttp;
import dev.paastis.testing.TestUpstream;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real Paastis with the Clever Cloud provider against the fake API, its fake router and a real
 * upstream.
 */
class CleverCloudEndToEndTest {

  private final Vertx vertx = Vertx.vertx();
  private final MutableClock clock = new MutableClock();
  private HttpClient client;
  private FakeCleverApi clever;
  private TestUpstream upstream;
  private Paastis paastis;

  @BeforeEach
  void setUp() throws Exception {
    client = vertx.createHttpClient();
    clever = CleverTesting.fake(vertx);
    upstream = TestUpstream.start(vertx);
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
    configs.maxIdleTime = Duration.ofMinutes(5);
    CleverCloudProvider provider =
        CleverTesting.provider(vertx, clever, "PLAINTEXT", List.of(), List.of());
    paastis = Paastis.create(configs.build(), vertx, new Providers(List.of(provider)), clock);
    paastis.start().await();
  }

  private String vhost() {
    return upstream.uri().getAuthority();
  }

  @Test
  void a_request_to_app_dash_uuid_wakes_the_app_and_is_served() throws Exception {
    String id = clever.idOf(clever.addRoutedUserApp("sleepy", "par", false));
    startPaastis();

    TestHttp.Response response =
        TestHttp.get(client, paastis.port(), id.replace('_', '-') + ".proxy.test", "/hi");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().getString("path")).isEqualTo("/hi");
    assertThat(clever.stateOf(id)).isEqualTo("SHOULD_BE_UP");
  }

  @Test
  void an_idle_app_is_undeployed() throws Exception {
    String id = clever.addUserApp("busy", "par", List.of(vhost()), true);
    startPaastis();

    clock.advance(Duration.ofMinutes(6));
    paastis.tick().await();

    assertThat(clever.stateOf(id)).isEqualTo("SHOULD_BE_DOWN");
  }

  @Test
  void a_failed_deployment_gives_app_start_failed_and_a_clear_answer() throws Exception {
    String id = clever.idOf(clever.addRoutedUserApp("broken", "par", false));
    clever.failNextDeploy(id);
    startPaastis();

    TestHttp.Response response = TestHttp.get(client, paastis.port(), id + ".proxy.test", "/");

    assertThat(response.status()).isEqualTo(503);
    assertThat(response.headers().get("retry-after")).isNotBlank();
    assertThat(response.json().getString("detail")).contains(id).contains("FAILED");
    assertThat(paastis.events().recent(20).await())
        .extracting(Event::type)
        .contains(EventType.APP_START_FAILED);
  }
}
