package dev.paastis.internal.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paastis.app.AppState;
import dev.paastis.app.Formation;
import dev.paastis.app.ProviderApp;
import dev.paastis.provider.AnswerOrigin;
import dev.paastis.provider.Deadline;
import dev.paastis.provider.ProviderException;
import dev.paastis.provider.RouterPages;
import dev.paastis.testing.FakeProvider;
import dev.paastis.testing.TestUpstream;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReadinessProbeTest {

  private final Vertx vertx = Vertx.vertx();
  private final FakeProvider provider = new FakeProvider(vertx, "fake", Duration.ofSeconds(5));
  private final BootTimes bootTimes = new BootTimes();
  private final ReadinessProbe probe = probeWith(Map.of());

  @AfterEach
  void tearDown() {
    vertx.close().await();
  }

  private ReadinessProbe probeWith(Map<String, RouterPages> pages) {
    return new ReadinessProbe(
        vertx,
        new UpstreamCheck(vertx.createHttpClient(UpstreamCheck.clientOptions())),
        bootTimes,
        pages);
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
  void a_booting_app_is_ready_once_it_answers_even_while_its_provider_still_says_starting()
      throws Exception {
    try (TestUpstream upstream = TestUpstream.start(vertx)) {
      provider.setNeverReady(true);
      provider.withStoppedApp("web", upstream.uri());
      ProviderApp app = provider.status("web").await();
      Future<Void> accepted = provider.start("web", Formation.DEFAULT);

      ProviderApp ready =
          probe.awaitBoot(provider, app, Deadline.in(Duration.ofSeconds(5)), accepted).await();

      assertThat(ready.key()).isEqualTo("web");
      assertThat(provider.stateOf("web")).isEqualTo(AppState.STARTING);
    }
  }

  @Test
  void a_boot_is_learned_and_the_next_boot_of_the_app_is_probed_around_it() throws Exception {
    try (TestUpstream upstream = TestUpstream.start(vertx)) {
      provider.withStoppedApp("web", upstream.uri());
      ProviderApp app = provider.status("web").await();
      assertThat(probe.scheduleFor("web").expected()).isEmpty();

      probe
          .awaitBoot(
              provider,
              app,
              Deadline.in(Duration.ofSeconds(5)),
              provider.start("web", Formation.DEFAULT))
          .await();

      assertThat(probe.scheduleFor("web").expected()).isPresent();
      assertThat(probe.scheduleFor("another").expected()).isEmpty();
    }
  }

  @Test
  void an_app_that_is_only_running_again_teaches_no_boot_time() throws Exception {
    try (TestUpstream upstream = TestUpstream.start(vertx)) {
      provider.withRunningApp("web", upstream.uri());
      ProviderApp app = provider.status("web").await();

      probe.awaitReady(provider, app, Deadline.in(Duration.ofSeconds(5))).await();

      assertThat(probe.scheduleFor("web").expected()).isEmpty();
    }
  }

  @Test
  void the_platforms_page_never_counts_as_ready() throws Exception {
    try (TestUpstream upstream = TestUpstream.start(vertx)) {
      upstream.servesWhile(() -> false); // 503 to every request, as a router for a stopped app
      provider.withRunningApp("web", upstream.uri());
      ProviderApp app = provider.status("web").await();

      assertThatThrownBy(
              () -> probe.awaitReady(provider, app, Deadline.in(Duration.ofMillis(600))).await())
          .isInstanceOf(WakeTimeoutException.class)
          .hasMessageContaining("its web URL still answers with its platform's page");
    }
  }

  @Test
  void an_answer_that_may_be_the_routers_counts_only_once_the_provider_reports_running()
      throws Exception {
    ReadinessProbe uncertain =
        probeWith(Map.of("fake", (status, headers) -> AnswerOrigin.UNCERTAIN));
    try (TestUpstream upstream = TestUpstream.start(vertx)) {
      provider.setNeverReady(true);
      provider.withStoppedApp("web", upstream.uri());
      ProviderApp app = provider.status("web").await();

      assertThatThrownBy(
              () ->
                  uncertain
                      .awaitBoot(
                          provider,
                          app,
                          Deadline.in(Duration.ofMillis(1500)),
                          provider.start("web", Formation.DEFAULT))
                      .await())
          .isInstanceOf(WakeTimeoutException.class)
          .hasMessageContaining("fake does not report it running yet");

      provider.setNeverReady(false);
      ProviderApp ready =
          uncertain
              .awaitBoot(
                  provider,
                  app,
                  Deadline.in(Duration.ofSeconds(10)),
                  provider.start("web", Formation.DEFAULT))
              .await();
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
    // nothing answers at the web URL yet: only the provider could tell
    provider.withStoppedApp("shop", URI.create("http://127.0.0.1:" + freePort()));
    ProviderApp app = provider.status("shop").await();
    provider.setBroken(true);

    assertThatThrownBy(
            () -> probe.awaitReady(provider, app, Deadline.in(Duration.ofMillis(2500))).await())
        .isInstanceOf(WakeTimeoutException.class)
        .hasMessageContaining("its provider's last status failed: fake provider is unreachable");
  }

  @Test
  void an_app_its_provider_reports_failed_fails_the_wait_before_its_deadline() throws Exception {
    provider.withApp(
        "broken", URI.create("http://127.0.0.1:1"), AppState.FAILED, Formation.DEFAULT);
    ProviderApp app = provider.status("broken").await();

    assertThatThrownBy(
            () -> probe.awaitReady(provider, app, Deadline.in(Duration.ofSeconds(30))).await())
        .isInstanceOf(StartFailedException.class)
        .hasMessageContaining("FAILED");
  }

  @Test
  void a_start_the_provider_refuses_fails_the_wait_with_its_reason() throws Exception {
    provider.withStoppedApp("shop", URI.create("http://127.0.0.1:" + freePort()));
    ProviderApp app = provider.status("shop").await();
    Future<Void> refused = Future.failedFuture(new ProviderException("fake", "quota exceeded"));

    assertThatThrownBy(
            () ->
                probe
                    .awaitBoot(provider, app, Deadline.in(Duration.ofSeconds(30)), refused)
                    .await())
        .isInstanceOf(ProviderException.class)
        .hasMessageContaining("quota exceeded");
  }

  @Test
  void a_worker_without_a_web_url_is_ready_once_its_provider_reports_it_running() {
    provider.withApp("worker", null, AppState.RUNNING, Formation.of(Map.of("worker", 1)));
    ProviderApp app = provider.status("worker").await();

    ProviderApp ready = probe.awaitReady(provider, app, Deadline.in(Duration.ofSeconds(5))).await();

    assertThat(ready.upstream()).isEmpty();
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
