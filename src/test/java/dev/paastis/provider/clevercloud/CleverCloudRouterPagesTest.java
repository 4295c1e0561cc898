package dev.paastis.provider.clevercloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paastis.app.ProviderApp;
import dev.paastis.internal.lifecycle.BootTimes;
import dev.paastis.internal.lifecycle.ReadinessProbe;
import dev.paastis.internal.lifecycle.UpstreamCheck;
import dev.paastis.internal.lifecycle.WakeTimeoutException;
import dev.paastis.provider.AnswerOrigin;
import dev.paastis.provider.Deadline;
import dev.paastis.testing.FakeRouter;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Clever Cloud's front answers a stopped app's vhost with a 404 that the app could give too: it
 * counts only once the API reports the app running, and its 502, 503 and 504 never.
 */
class CleverCloudRouterPagesTest {

  private final Vertx vertx = Vertx.vertx();
  private final FakeCleverApi clever = CleverTesting.fake(vertx);
  private final CleverCloudProvider provider =
      CleverTesting.provider(vertx, clever, Duration.ofSeconds(60));
  private final UpstreamCheck check =
      new UpstreamCheck(vertx.createHttpClient(UpstreamCheck.clientOptions()));

  @AfterEach
  void tearDown() {
    clever.close();
    vertx.close().await();
  }

  private Optional<AnswerOrigin> answerOf(FakeRouter router) {
    return check.answer(router.uri(), provider).await();
  }

  @Test
  void the_404_of_a_stopped_app_may_be_the_fronts_or_the_apps() {
    FakeRouter router = clever.addRoutedUserApp("sleepy", "par", false);

    assertThat(answerOf(router)).contains(AnswerOrigin.UNCERTAIN);
  }

  @Test
  void gateway_errors_are_the_platforms_and_other_answers_the_apps() {
    MultiMap none = MultiMap.caseInsensitiveMultiMap();

    assertThat(provider.originOf(503, none)).isEqualTo(AnswerOrigin.PLATFORM);
    assertThat(provider.originOf(502, none)).isEqualTo(AnswerOrigin.PLATFORM);
    assertThat(provider.originOf(504, none)).isEqualTo(AnswerOrigin.PLATFORM);
    assertThat(provider.originOf(200, none)).isEqualTo(AnswerOrigin.APP);
    assertThat(provider.originOf(401, none)).isEqualTo(AnswerOrigin.APP);
  }

  @Test
  void once_an_instance_is_up_the_answer_is_the_apps() {
    FakeRouter router = clever.addRoutedUserApp("sleepy", "par", false);
    provider.start(clever.idOf(router), dev.paastis.app.Formation.DEFAULT).await();

    org.awaitility.Awaitility.await()
        .untilAsserted(() -> assertThat(answerOf(router)).contains(AnswerOrigin.APP));
  }

  @Test
  void readiness_does_not_take_the_404_of_a_stopped_app_for_the_app() {
    FakeRouter router = clever.addRoutedUserApp("sleepy", "par", false);
    ProviderApp app = provider.status(clever.idOf(router)).await();
    ReadinessProbe readiness =
        new ReadinessProbe(
            vertx, check, new BootTimes(), Map.of(CleverCloudProvider.NAME, provider));

    assertThatThrownBy(
            () -> readiness.awaitReady(provider, app, Deadline.in(Duration.ofMillis(1500))).await())
        .isInstanceOf(WakeTimeoutException.class)
        .hasMessageContaining("clever-cloud does not report it running yet");
  }
}
