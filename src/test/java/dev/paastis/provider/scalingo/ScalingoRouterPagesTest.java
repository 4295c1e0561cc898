package dev.paastis.provider.scalingo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paastis.app.Formation;
import dev.paastis.app.ProviderApp;
import dev.paastis.internal.lifecycle.BootTimes;
import dev.paastis.internal.lifecycle.ReadinessProbe;
import dev.paastis.internal.lifecycle.UpstreamCheck;
import dev.paastis.internal.lifecycle.WakeTimeoutException;
import dev.paastis.provider.AnswerOrigin;
import dev.paastis.provider.Deadline;
import dev.paastis.testing.FakeRouter;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Scalingo's router pages, as its fake router gives them, are never taken for the app. */
class ScalingoRouterPagesTest {

  private static final String REGION = "osc-fr1";

  private final Vertx vertx = Vertx.vertx();
  private final FakeScalingoApi scalingo =
      FakeScalingoApi.start(vertx, ScalingoTesting.TOKEN, List.of(REGION));
  private final ScalingoProvider provider =
      ScalingoTesting.provider(vertx, scalingo, List.of(REGION));
  private final UpstreamCheck check =
      new UpstreamCheck(vertx.createHttpClient(UpstreamCheck.clientOptions()));

  @AfterEach
  void tearDown() {
    scalingo.close();
    vertx.close().await();
  }

  private Optional<AnswerOrigin> answerOf(FakeRouter router) {
    return check.answer(router.uri(), provider).await();
  }

  @Test
  void the_page_of_a_stopped_app_is_the_platforms() {
    FakeRouter router = scalingo.addRoutedApp(REGION, "sleepy", Map.of("web", 0));

    assertThat(answerOf(router)).contains(AnswerOrigin.PLATFORM);
  }

  @Test
  void the_page_of_an_app_with_workers_but_no_web_container_is_the_platforms() {
    FakeRouter router = scalingo.addRoutedApp(REGION, "jobs", Map.of("web", 0, "worker", 1));

    assertThat(answerOf(router)).contains(AnswerOrigin.PLATFORM);
  }

  @Test
  void once_the_web_container_runs_the_answer_is_the_apps() {
    FakeRouter router = scalingo.addRoutedApp(REGION, "sleepy", Map.of("web", 0));

    // the start completes once Scalingo's operation is done, that is once the container runs
    provider.start("sleepy", Formation.DEFAULT).await();

    assertThat(answerOf(router)).contains(AnswerOrigin.APP);
  }

  @Test
  void readiness_waits_through_the_routers_page_until_its_deadline() {
    scalingo.addRoutedApp(REGION, "sleepy", Map.of("web", 0));
    ProviderApp app = provider.status("sleepy").await();
    ReadinessProbe readiness =
        new ReadinessProbe(vertx, check, new BootTimes(), Map.of(ScalingoProvider.NAME, provider));

    assertThatThrownBy(
            () -> readiness.awaitReady(provider, app, Deadline.in(Duration.ofMillis(800))).await())
        .isInstanceOf(WakeTimeoutException.class)
        .hasMessageContaining("its web URL still answers with its platform's page");
  }
}
