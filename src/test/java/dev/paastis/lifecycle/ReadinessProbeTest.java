package dev.paastis.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paastis.app.AppState;
import dev.paastis.app.Formation;
import dev.paastis.app.ProviderApp;
import dev.paastis.provider.Deadline;
import dev.paastis.testing.FakeProvider;
import dev.paastis.testing.TestUpstream;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReadinessProbeTest {

  private final Vertx vertx = Vertx.vertx();
  private final FakeProvider provider = new FakeProvider(vertx, "fake", Duration.ofSeconds(5));
  private final ReadinessProbe probe =
      new ReadinessProbe(vertx, new UpstreamCheck(vertx.createHttpClient(new HttpClientOptions())));

  @AfterEach
  void tearDown() {
    vertx.close().await();
  }

  @Test
  void an_app_is_ready_once_running_and_answering() throws Exception {
    try (TestUpstream upstream = TestUpstream.start(vertx)) {
      provider.withRunningApp("web", upstream.uri());
      ProviderApp app = provider.status("web").await();

      ProviderApp ready =
          probe.awaitReady(provider, app, Deadline.in(Duration.ofSeconds(5))).await();

      assertThat(ready.state()).isEqualTo(AppState.RUNNING);
    }
  }

  @Test
  void an_app_running_for_its_provider_but_not_answering_times_out() throws Exception {
    URI closedPort = URI.create("http://127.0.0.1:" + freePort());
    provider.withRunningApp("deaf", closedPort);
    ProviderApp app = provider.status("deaf").await();

    assertThatThrownBy(
            () -> probe.awaitReady(provider, app, Deadline.in(Duration.ofMillis(500))).await())
        .isInstanceOf(WakeTimeoutException.class)
        .hasMessageContaining("deaf")
        .hasMessageContaining("its web URL does not answer yet");
  }

  @Test
  void a_wait_that_times_out_while_the_provider_fails_says_what_the_provider_answered()
      throws Exception {
    try (TestUpstream upstream = TestUpstream.start(vertx)) {
      provider.withStoppedApp("shop", upstream.uri());
      ProviderApp app = provider.status("shop").await();
      provider.setBroken(true);

      assertThatThrownBy(
              () -> probe.awaitReady(provider, app, Deadline.in(Duration.ofMillis(800))).await())
          .isInstanceOf(WakeTimeoutException.class)
          .hasMessageContaining("its provider's last status failed: fake provider is unreachable");
    }
  }

  @Test
  void an_app_its_provider_reports_failed_fails_at_once() throws Exception {
    provider.withApp(
        "broken", URI.create("http://127.0.0.1:1"), AppState.FAILED, Formation.DEFAULT);
    ProviderApp app = provider.status("broken").await();

    assertThatThrownBy(
            () -> probe.awaitReady(provider, app, Deadline.in(Duration.ofSeconds(30))).await())
        .isInstanceOf(StartFailedException.class)
        .hasMessageContaining("FAILED");
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
