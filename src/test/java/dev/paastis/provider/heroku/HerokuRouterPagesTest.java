package dev.paastis.provider.heroku;

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
import dev.paastis.testing.MutableClock;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Heroku's router pages, as its fake router gives them, are never taken for the app. */
class HerokuRouterPagesTest {

  private final Vertx vertx = Vertx.vertx();
  private final FakeHerokuApi heroku = FakeHerokuApi.start(vertx, HerokuProviderContractTest.TOKEN);
  private final HerokuProvider provider =
      HerokuProviderContractTest.newHerokuProvider(vertx, heroku, List.of(), new MutableClock());
  private final UpstreamCheck check =
      new UpstreamCheck(vertx.createHttpClient(UpstreamCheck.clientOptions()));

  @AfterEach
  void tearDown() {
    heroku.close();
    vertx.close().await();
  }

  private Optional<AnswerOrigin> answerOf(FakeRouter router) {
    return check.answer(router.uri(), provider).await();
  }

  @Test
  void the_application_error_page_of_a_stopped_app_is_the_platforms() {
    FakeRouter router = heroku.addRoutedApp("sleepy", "eu", Map.of("web", 0));

    assertThat(answerOf(router)).contains(AnswerOrigin.PLATFORM);
    assertThat(router.pagesServed()).isEqualTo(1);
  }

  @Test
  void the_pages_of_a_crashed_app_and_of_maintenance_are_the_platforms() {
    FakeRouter crashed = heroku.addRoutedApp("crashed", "eu", Map.of("web", 1));
    FakeRouter maintained = heroku.addRoutedApp("maintained", "eu", Map.of("web", 1));
    heroku.crash("crashed", "web");
    heroku.setMaintenance("maintained", true);

    assertThat(answerOf(crashed)).contains(AnswerOrigin.PLATFORM);
    assertThat(answerOf(maintained)).contains(AnswerOrigin.PLATFORM);
  }

  @Test
  void once_a_web_dyno_is_up_the_answer_is_the_apps_even_for_a_probe_sent_during_the_boot() {
    FakeRouter router = heroku.addRoutedApp("sleepy", "eu", Map.of("web", 0));
    provider.start("sleepy", Formation.DEFAULT).await();

    // the router holds the probe while the dyno boots, then hands it to the app
    assertThat(answerOf(router)).contains(AnswerOrigin.APP);
    assertThat(router.appAnswers()).isEqualTo(1);
  }

  @Test
  void readiness_waits_through_the_routers_page_until_its_deadline() {
    heroku.addRoutedApp("sleepy", "eu", Map.of("web", 0));
    ProviderApp app = provider.status("sleepy").await();
    ReadinessProbe readiness =
        new ReadinessProbe(vertx, check, new BootTimes(), Map.of(HerokuProvider.NAME, provider));

    assertThatThrownBy(
            () -> readiness.awaitReady(provider, app, Deadline.in(Duration.ofMillis(800))).await())
        .isInstanceOf(WakeTimeoutException.class)
        .hasMessageContaining("its web URL still answers with its platform's page");
  }
}
