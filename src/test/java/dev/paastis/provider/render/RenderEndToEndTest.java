package dev.paastis.provider.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paastis.Paastis;
import dev.paastis.config.ConfigException;
import dev.paastis.provider.Providers;
import dev.paastis.testing.FakeRouter;
import dev.paastis.testing.MutableClock;
import dev.paastis.testing.TestConfigs;
import dev.paastis.testing.TestHttp;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real Paastis with the Render provider against the fake API and its fake edge. */
class RenderEndToEndTest {

  private final Vertx vertx = Vertx.vertx();
  private final MutableClock clock = new MutableClock();
  private HttpClient client;
  private FakeRenderApi render;
  private Paastis paastis;

  @BeforeEach
  void setUp() {
    client = vertx.createHttpClient();
    render = FakeRenderApi.start(vertx, RenderTesting.KEY);
  }

  @AfterEach
  void tearDown() {
    if (paastis != null) {
      paastis.stop().await();
    }
    render.close();
    vertx.close().await();
  }

  private void startPaastis() {
    TestConfigs configs = new TestConfigs();
    configs.providers = List.of("render");
    configs.maxIdleTime = Duration.ofMinutes(5);
    RenderProvider provider = RenderTesting.provider(vertx, render);
    paastis = Paastis.create(configs.build(), vertx, new Providers(List.of(provider)), clock);
    paastis.start().await();
  }

  @Test
  void a_request_resumes_a_suspended_service_and_is_served_by_it() throws Exception {
    FakeRouter edge = render.addRoutedService("sleepy", true);
    startPaastis();

    TestHttp.Response response = TestHttp.get(client, paastis.port(), "sleepy.proxy.test", "/hi");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().getString("app")).isEqualTo("sleepy");
    assertThat(response.json().getString("path")).isEqualTo("/hi");
    assertThat(render.isSuspended("sleepy")).isFalse();
    assertThat(render.deployStatuses("sleepy")).first().isEqualTo("live");
    assertThat(edge.appAnswers()).isPositive();
  }

  @Test
  void an_idle_service_is_suspended_then_resumed_by_the_next_request() throws Exception {
    render.addRoutedService("shop", false);
    startPaastis();

    clock.advance(Duration.ofMinutes(6));
    paastis.tick().await();
    assertThat(render.isSuspended("shop")).isTrue();

    assertThat(TestHttp.get(client, paastis.port(), "shop.proxy.test", "/").status())
        .isEqualTo(200);
    assertThat(render.isSuspended("shop")).isFalse();
  }

  @Test
  void a_key_render_rejects_stops_paastis_at_startup_naming_the_variable() {
    TestConfigs configs = new TestConfigs();
    configs.providers = List.of("render");
    RenderProvider rejected =
        RenderTesting.provider(vertx, render, "rnd_revoked", Optional.empty(), 100);
    paastis = Paastis.create(configs.build(), vertx, new Providers(List.of(rejected)), clock);

    assertThatThrownBy(() -> paastis.start().await())
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("PROVIDER_RENDER_API_KEY was rejected by Render (401)")
        .hasMessageNotContaining("rnd_revoked");
    paastis = null;
  }

  @Test
  void a_service_whose_resume_fails_gets_an_answer_not_a_hang() throws Exception {
    render.addRoutedService("broken", true);
    render.failNextResume("broken", "build_failed");
    startPaastis();

    TestHttp.Response response = TestHttp.get(client, paastis.port(), "broken.proxy.test", "/");

    assertThat(response.status()).isEqualTo(503);
    assertThat(render.deployStatuses("broken")).first().isEqualTo("build_failed");
  }
}
