package dev.paastis.provider.scalingo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paastis.Paastis;
import dev.paastis.provider.Providers;
import dev.paastis.testing.MutableClock;
import dev.paastis.testing.TestConfigs;
import dev.paastis.testing.TestHttp;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real Paastis with the Scalingo provider against the fake API and its fake router. */
class ScalingoEndToEndTest {

  private final Vertx vertx = Vertx.vertx();
  private final MutableClock clock = new MutableClock();
  private HttpClient client;
  private FakeScalingoApi scalingo;
  private Paastis paastis;

  @BeforeEach
  void setUp() throws Exception {
    client = vertx.createHttpClient();
    scalingo = FakeScalingoApi.start(vertx, ScalingoTesting.TOKEN, List.of("osc-fr1"));
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
    configs.maxIdleTime = Duration.ofMinutes(5);
    ScalingoProvider provider = ScalingoTesting.provider(vertx, scalingo, List.of("osc-fr1"));
    paastis = Paastis.create(configs.build(), vertx, new Providers(List.of(provider)), clock);
    paastis.start().await();
  }

  @Test
  void a_request_wakes_a_sleeping_scalingo_app_and_is_served() throws Exception {
    scalingo.addRoutedApp("osc-fr1", "sleepy", Map.of("web", 0));
    startPaastis();

    TestHttp.Response response = TestHttp.get(client, paastis.port(), "sleepy.proxy.test", "/hi");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().getString("path")).isEqualTo("/hi");
    assertThat(scalingo.formationOf("osc-fr1", "sleepy")).containsEntry("web", 1);
  }

  @Test
  void an_idle_app_is_stopped_then_restored_with_its_exact_formation() throws Exception {
    scalingo.addRoutedApp("osc-fr1", "shop", Map.of("web", 2, "worker", 1));
    startPaastis();

    clock.advance(Duration.ofMinutes(6));
    paastis.tick().await();
    assertThat(scalingo.formationOf("osc-fr1", "shop"))
        .containsEntry("web", 0)
        .containsEntry("worker", 0);

    assertThat(TestHttp.get(client, paastis.port(), "shop.proxy.test", "/").status())
        .isEqualTo(200);
    assertThat(scalingo.formationOf("osc-fr1", "shop"))
        .containsEntry("web", 2)
        .containsEntry("worker", 1);
  }
}
