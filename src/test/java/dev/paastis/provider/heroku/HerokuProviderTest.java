package dev.paastis.provider.heroku;

import static dev.paastis.provider.heroku.HerokuProviderContractTest.newHerokuProvider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paastis.app.AppState;
import dev.paastis.app.Formation;
import dev.paastis.app.ProviderApp;
import dev.paastis.provider.ProviderException;
import dev.paastis.provider.UnknownAppException;
import dev.paastis.testing.MutableClock;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HerokuProviderTest {

  private final Vertx vertx = Vertx.vertx();
  private final MutableClock clock = new MutableClock();
  private FakeHerokuApi heroku;
  private HerokuProvider provider;

  @BeforeEach
  void setUp() throws Exception {
    heroku = FakeHerokuApi.start(vertx, HerokuProviderContractTest.TOKEN);
    provider = newHerokuProvider(vertx, heroku, List.of(), clock);
  }

  @AfterEach
  void tearDown() {
    provider.close().await();
    heroku.close();
    vertx.close().await();
  }

  @Test
  void an_account_of_2500_apps_is_listed_whole_in_three_pages_of_1000_following_next_range() {
    for (int i = 0; i < 2500; i++) {
      heroku.addApp(String.format("app-%04d", i), "us", null, Map.of("web", 0));
    }
    provider.list().await();
    heroku.calls().clear();

    List<ProviderApp> apps = provider.list().await();

    assertThat(apps).hasSize(2500);
    assertThat(apps).extracting(ProviderApp::key).doesNotHaveDuplicates();
    assertThat(heroku.calls().all())
        .extracting(FakeHerokuApi.Call::range)
        .containsExactly(
            "name ..; max=1000", "name ]app-0999..; max=1000", "name ]app-1999..; max=1000");
  }

  @Test
  void the_upstream_is_the_web_url_as_returned_and_a_null_one_is_no_upstream() {
    heroku.addApp(
        "with-url", "us", "https://with-url-a6b0f2f1519f.herokuapp.com/", Map.of("web", 0));
    heroku.addApp("without-url", "us", null, Map.of("web", 0));

    List<ProviderApp> apps = provider.list().await();

    assertThat(apps)
        .filteredOn(app -> app.key().equals("with-url"))
        .singleElement()
        .satisfies(
            app ->
                assertThat(app.upstream().orElseThrow().toString())
                    .isEqualTo("https://with-url-a6b0f2f1519f.herokuapp.com/"));
    assertThat(apps)
        .filteredOn(app -> app.key().equals("without-url"))
        .singleElement()
        .satisfies(app -> assertThat(app.upstream()).isEmpty());
  }

  @Test
  void provider_region_keeps_only_the_apps_of_those_regions() {
    heroku.addApp("in-eu", "eu", null, Map.of("web", 0));
    heroku.addApp("in-us", "us", null, Map.of("web", 0));
    HerokuProvider europe = newHerokuProvider(vertx, heroku, List.of("eu"), clock);

    assertThat(europe.list().await()).extracting(ProviderApp::key).containsExactly("in-eu");
    assertThat(europe.list().await())
        .extracting(app -> app.region().orElseThrow())
        .containsOnly("eu");
    europe.close().await();
  }

  @Test
  void states_follow_the_formation_and_the_dynos() {
    heroku.addApp("running", "us", null, Map.of("web", 1));
    heroku.addApp("stopped", "us", null, Map.of("web", 0, "worker", 0));
    heroku.addApp("crashed", "us", null, Map.of("web", 1));
    heroku.crash("crashed", "web");
    heroku.addApp("worker-only", "us", null, Map.of("worker", 1));

    assertThat(provider.status("running").await().state()).isEqualTo(AppState.RUNNING);
    assertThat(provider.status("stopped").await().state()).isEqualTo(AppState.STOPPED);
    assertThat(provider.status("crashed").await().state()).isEqualTo(AppState.FAILED);
    assertThat(provider.status("worker-only").await().state()).isEqualTo(AppState.RUNNING);
  }

  @Test
  void stop_and_start_are_one_batch_patch_each_and_restore_every_quantity() {
    heroku.addApp("shop", "us", null, Map.of("web", 2, "worker", 1));
    Formation before = provider.status("shop").await().formation();

    provider.stop("shop").await();
    assertThat(heroku.formationOf("shop")).containsEntry("web", 0).containsEntry("worker", 0);
    provider.start("shop", before).await();

    assertThat(heroku.formationOf("shop")).containsEntry("web", 2).containsEntry("worker", 1);
    assertThat(heroku.calls().count("PATCH", "/apps/shop/formation")).isEqualTo(2);
  }

  @Test
  void starting_with_nothing_saved_starts_one_web_dyno() {
    heroku.addApp("fresh", "us", null, Map.of("web", 0, "worker", 0));

    provider.start("fresh", Formation.EMPTY).await();

    assertThat(heroku.formationOf("fresh")).containsEntry("web", 1).containsEntry("worker", 0);
  }

  @Test
  void an_app_without_process_types_is_stopped_and_refused_at_start() {
    heroku.addApp("empty", "us", null, Map.of());

    assertThat(provider.status("empty").await().state()).isEqualTo(AppState.STOPPED);
    assertThatThrownBy(() -> provider.start("empty", Formation.DEFAULT).await())
        .isInstanceOf(ProviderException.class)
        .hasMessageContaining("empty")
        .hasMessageContaining("no process types");
  }

  @Test
  void a_rejected_token_names_the_variable() {
    heroku.rejectToken(true);

    assertThatThrownBy(() -> provider.verify().await())
        .isInstanceOf(ProviderException.class)
        .hasMessage("PROVIDER_HEROKU_API_TOKEN was rejected by Heroku (401)");
  }

  @Test
  void a_token_rejected_later_is_logged_once_a_minute_not_per_call() {
    heroku.addApp("shop", "us", null, Map.of("web", 1));
    ch.qos.logback.classic.Logger logger =
        (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(HerokuApi.class);
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender =
        new ch.qos.logback.core.read.ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    heroku.rejectToken(true);

    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(() -> provider.list().await()).isInstanceOf(ProviderException.class);
    }

    logger.detachAppender(appender);
    assertThat(appender.list)
        .filteredOn(event -> event.getFormattedMessage().contains("was rejected"))
        .hasSize(1);
  }

  @Test
  void a_deleted_app_is_reported_unknown() {
    assertThatThrownBy(() -> provider.status("gone").await())
        .isInstanceOf(UnknownAppException.class);
  }

  @Test
  void server_errors_are_retried_with_backoff() {
    heroku.addApp("shop", "us", null, Map.of("web", 1));
    heroku.failNext(2, 503);

    assertThat(provider.status("shop").await().state()).isEqualTo(AppState.RUNNING);
  }

  @Test
  void a_429_is_retried_after_its_retry_after() {
    heroku.addApp("shop", "us", null, Map.of("web", 1));
    heroku.rateLimitNext(1, Duration.ofSeconds(1));

    assertThat(provider.status("shop").await().state()).isEqualTo(AppState.RUNNING);
  }

  @Test
  void a_low_rate_limit_stops_reconciles_but_not_listings() {
    heroku.addApp("a", "us", null, Map.of("web", 0));
    provider.list().await();
    heroku.setRemaining(50);
    provider.list().await();
    heroku.calls().clear();

    clock.advance(Duration.ofHours(1));
    provider.list().await();

    assertThat(heroku.calls().count()).isEqualTo(1);
  }

  @Test
  void a_large_first_listing_reads_apps_down_to_the_tokens_wakes_need_and_the_rest_later() {
    for (int i = 0; i < 1000; i++) {
      heroku.addApp(String.format("app-%04d", i), "us", null, Map.of("web", 1));
    }
    heroku.setRemaining(600);

    List<ProviderApp> first = provider.list().await();

    // four reads at once, two calls each, may be under way when the floor is reached
    int floor = HerokuProvider.LOW_REMAINING - 2 * HerokuProvider.LEARN_AT_ONCE;
    assertThat(heroku.remaining()).isBetween(floor, HerokuProvider.LOW_REMAINING);
    assertThat(first).hasSize(1000);
    long read = first.stream().filter(app -> app.state() == AppState.RUNNING).count();
    assertThat(first).filteredOn(app -> app.state() == AppState.UNKNOWN).hasSize(1000 - (int) read);
    assertThat(read).isBetween(190L, 210L);

    heroku.setRemaining(4500); // the pool refilled
    assertThat(provider.list().await())
        .extracting(ProviderApp::state)
        .containsOnly(AppState.RUNNING);
  }

  @Test
  void two_hundred_idle_apps_cost_under_1000_calls_an_hour_of_minute_ticks() {
    for (int i = 0; i < 200; i++) {
      heroku.addApp(String.format("idle-%03d", i), "eu", null, Map.of("web", 0));
    }

    for (int minute = 0; minute < 60; minute++) {
      provider.list().await();
      clock.advance(Duration.ofMinutes(1));
    }

    assertThat(heroku.calls().count()).isLessThan(1000);
  }
}
