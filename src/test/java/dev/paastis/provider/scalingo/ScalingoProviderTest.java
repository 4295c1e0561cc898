package dev.paastis.provider.scalingo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paastis.app.AppState;
import dev.paastis.app.Formation;
import dev.paastis.app.ProviderApp;
import dev.paastis.provider.CredentialsRejectedException;
import dev.paastis.provider.ProviderException;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScalingoProviderTest {

  private final Vertx vertx = Vertx.vertx();
  private FakeScalingoApi scalingo;
  private ScalingoProvider provider;

  @BeforeEach
  void setUp() {
    scalingo =
        FakeScalingoApi.start(vertx, ScalingoTesting.TOKEN, List.of("osc-fr1", "osc-secnum-fr1"));
    provider = ScalingoTesting.provider(vertx, scalingo, List.of("osc-fr1", "osc-secnum-fr1"));
  }

  @AfterEach
  void tearDown() {
    provider.close().await();
    scalingo.close();
    vertx.close().await();
  }

  @Test
  void apps_of_every_region_are_listed_with_their_region() {
    scalingo.addApp(
        "osc-fr1", "in-paris", "https://in-paris.osc-fr1.scalingo.io", Map.of("web", 1));
    scalingo.addApp(
        "osc-secnum-fr1",
        "in-secnum",
        "https://in-secnum.osc-secnum-fr1.scalingo.io",
        Map.of("web", 0));

    List<ProviderApp> apps = provider.list().await();

    assertThat(apps)
        .extracting(app -> app.key() + "@" + app.region().orElseThrow() + "=" + app.state())
        .containsExactlyInAnyOrder("in-paris@osc-fr1=RUNNING", "in-secnum@osc-secnum-fr1=STOPPED");
    assertThat(apps)
        .filteredOn(app -> app.key().equals("in-paris"))
        .singleElement()
        .satisfies(
            app ->
                assertThat(app.upstream().orElseThrow().toString())
                    .isEqualTo("https://in-paris.osc-fr1.scalingo.io"));
  }

  @Test
  void an_app_of_the_second_region_is_stopped_and_started_there() {
    scalingo.addApp("osc-secnum-fr1", "secure", null, Map.of("web", 2, "worker", 1));
    Formation before = provider.status("secure").await().formation();

    provider.stop("secure").await();
    assertThat(scalingo.formationOf("osc-secnum-fr1", "secure")).containsEntry("web", 0);
    provider.start("secure", before).await();

    assertThat(scalingo.formationOf("osc-secnum-fr1", "secure"))
        .containsEntry("web", 2)
        .containsEntry("worker", 1);
  }

  @Test
  void a_bearer_that_expires_mid_run_is_renewed_without_a_failed_call() {
    scalingo.addApp("osc-fr1", "shop", null, Map.of("web", 1));
    provider.status("shop").await();

    scalingo.expireAllBearers();

    assertThat(provider.list().await())
        .singleElement()
        .satisfies(app -> assertThat(app.state()).isEqualTo(AppState.RUNNING));
    assertThat(scalingo.exchangeCount()).isEqualTo(2);
  }

  @Test
  void a_bearer_is_renewed_ahead_of_its_expiry_read_from_the_jwt() {
    scalingo.addApp("osc-fr1", "shop", null, Map.of("web", 1));
    // a bearer valid 4 minutes is already inside the 5-minute renewal window
    scalingo.setBearerLifetime(Duration.ofMinutes(4));

    provider.list().await();
    provider.list().await();

    assertThat(scalingo.exchangeCount()).isEqualTo(2);
  }

  @Test
  void a_bearer_valid_an_hour_is_exchanged_once() {
    scalingo.addApp("osc-fr1", "shop", null, Map.of("web", 1));

    provider.list().await();
    provider.list().await();
    provider.list().await();

    assertThat(scalingo.exchangeCount()).isEqualTo(1);
  }

  @Test
  void concurrent_calls_share_one_token_exchange() {
    scalingo.addApp("osc-fr1", "shop", null, Map.of("web", 1));

    io.vertx.core.Future.all(
            provider.status("shop"),
            provider.status("shop"),
            provider.list(),
            provider.status("shop"))
        .await();

    assertThat(scalingo.exchangeCount()).isEqualTo(1);
  }

  @Test
  void a_rejected_api_token_names_the_variable() {
    FakeScalingoApi other = FakeScalingoApi.start(vertx, "another-token", List.of("osc-fr1"));
    ScalingoProvider rejected = ScalingoTesting.provider(vertx, other, List.of("osc-fr1"));

    assertThatThrownBy(() -> rejected.verify().await())
        .isInstanceOf(CredentialsRejectedException.class)
        .hasMessage("PROVIDER_SCALINGO_API_TOKEN was rejected by Scalingo (401)");
    other.close();
  }

  @Test
  void a_failed_operation_fails_the_start_with_scalingo_s_message() {
    scalingo.addApp("osc-fr1", "broken", null, Map.of("web", 0));
    scalingo.failNextOperation("osc-fr1", "broken", "container failed to boot");

    assertThatThrownBy(() -> provider.start("broken", Formation.DEFAULT).await())
        .isInstanceOf(ProviderException.class)
        .hasMessageContaining("broken")
        .hasMessageContaining("container failed to boot");
  }

  @Test
  void an_app_never_deployed_is_stopped_and_refused_at_start() {
    scalingo.addNewApp("osc-fr1", "fresh");

    assertThat(provider.status("fresh").await().state()).isEqualTo(AppState.STOPPED);
    assertThatThrownBy(() -> provider.start("fresh", Formation.DEFAULT).await())
        .isInstanceOf(ProviderException.class)
        .hasMessageContaining("fresh");
  }

  @Test
  void a_429_in_plain_text_or_json_is_retried() {
    scalingo.addApp("osc-fr1", "shop", null, Map.of("web", 1));
    scalingo.rateLimitNext(1, true);
    assertThat(provider.status("shop").await().state()).isEqualTo(AppState.RUNNING);

    scalingo.rateLimitNext(1, false);
    assertThat(provider.status("shop").await().state()).isEqualTo(AppState.RUNNING);
  }

  @Test
  void a_tick_costs_one_listing_per_region() {
    for (int i = 0; i < 30; i++) {
      scalingo.addApp("osc-fr1", "app-" + i, null, Map.of("web", 0));
    }
    provider.list().await();
    scalingo.calls().clear();

    provider.list().await();

    assertThat(scalingo.calls().count("GET", "/v1/apps")).isEqualTo(2);
  }
}
