package dev.paastis.provider.clevercloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paastis.app.AppState;
import dev.paastis.app.Formation;
import dev.paastis.app.ProviderApp;
import dev.paastis.provider.CredentialsRejectedException;
import dev.paastis.provider.ProviderException;
import dev.paastis.testing.MutableClock;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CleverCloudProviderTest {

  private final Vertx vertx = Vertx.vertx();
  private FakeCleverApi clever;

  @BeforeEach
  void setUp() {
    clever = CleverTesting.fake(vertx);
  }

  @AfterEach
  void tearDown() {
    clever.close();
    vertx.close().await();
  }

  private CleverCloudProvider provider(String signature, List<String> orgs, List<String> zones) {
    return CleverTesting.provider(vertx, clever, signature, orgs, zones);
  }

  @Test
  void every_app_of_the_personal_space_and_of_every_organisation_is_listed() {
    String team = clever.addOrganisation("team");
    String mine = clever.addUserApp("mine", "par", List.of(), true);
    String theirs = clever.addOrgApp(team, "theirs", "par", List.of(), false);

    List<ProviderApp> apps = provider("PLAINTEXT", List.of(), List.of()).list().await();

    assertThat(apps)
        .extracting(app -> app.key() + "=" + app.state())
        .contains(mine + "=RUNNING", theirs + "=STOPPED");
  }

  @Test
  void a_running_app_is_read_again_only_when_it_changed_or_its_reconcile_is_due() {
    MutableClock clock = new MutableClock();
    String running = clever.addUserApp("running", "par", List.of(), true);
    String stopped = clever.addUserApp("stopped", "par", List.of(), false);
    CleverCloudProvider provider = CleverTesting.provider(vertx, clever, clock);
    provider.list().await();
    clever.calls().clear();

    List<ProviderApp> again = provider.list().await();

    assertThat(again)
        .extracting(app -> app.key() + "=" + app.state())
        .contains(running + "=RUNNING", stopped + "=STOPPED");
    assertThat(clever.calls().count(call -> call.path().contains("/instances"))).isZero();
    assertThat(clever.calls().count(call -> call.path().contains("/deployments"))).isZero();

    clock.advance(CleverTesting.RECONCILE_INTERVAL.plusSeconds(1));
    provider.list().await();

    assertThat(clever.calls().count(call -> call.path().endsWith(running + "/instances")))
        .isEqualTo(1);
  }

  @Test
  void an_app_stopped_and_started_again_is_read_afresh_not_taken_from_before_its_stop() {
    String app = clever.addUserApp("shop", "par", List.of(), true);
    CleverCloudProvider provider = CleverTesting.provider(vertx, clever, new MutableClock());
    provider.list().await();
    clever.setDeployDelay(Duration.ofSeconds(30));

    provider.stop(app).await();
    provider.start(app, Formation.DEFAULT).await();

    assertThat(provider.list().await())
        .extracting(ProviderApp::state)
        .containsExactly(AppState.STARTING);
  }

  @Test
  void organisations_narrow_the_listing_and_zones_filter_it() {
    String team = clever.addOrganisation("team");
    String other = clever.addOrganisation("other");
    String inTeam = clever.addOrgApp(team, "a", "par", List.of(), false);
    clever.addOrgApp(other, "b", "par", List.of(), false);
    clever.addOrgApp(team, "c", "mtl", List.of(), false);

    List<ProviderApp> apps = provider("PLAINTEXT", List.of(team), List.of("par")).list().await();

    assertThat(apps).extracting(ProviderApp::key).containsExactly(inTeam);
  }

  @Test
  void hmac_sha512_signing_is_accepted_too() {
    String app = clever.addUserApp("mine", "par", List.of(), true);

    assertThat(provider("HMAC-SHA512", List.of(), List.of()).status(app).await().state())
        .isEqualTo(AppState.RUNNING);
  }

  @Test
  void rejected_credentials_name_the_four_variables() {
    CleverCloudProvider wrong =
        CleverTesting.provider(vertx, clever, "PLAINTEXT", List.of(), List.of(), "wrong");

    assertThatThrownBy(() -> wrong.verify().await())
        .isInstanceOf(CredentialsRejectedException.class)
        .hasMessageContaining("PROVIDER_CLEVER_TOKEN")
        .hasMessageContaining("401");
  }

  @Test
  void the_upstream_is_a_custom_domain_before_the_cleverapps_one() {
    JsonObject app =
        new JsonObject()
            .put(
                "vhosts",
                new JsonArray()
                    .add(new JsonObject().put("fqdn", "app-1.cleverapps.io/"))
                    .add(new JsonObject().put("fqdn", "shop.example.com/")));

    assertThat(CleverVhosts.best(app)).contains("shop.example.com");
    assertThat(CleverVhosts.best(new JsonObject().put("vhosts", new JsonArray()))).isEmpty();
  }

  @Test
  void a_failed_deployment_is_reported_failed() {
    String app = clever.addUserApp("broken", "par", List.of(), false);
    clever.failNextDeploy(app);
    CleverCloudProvider provider = provider("PLAINTEXT", List.of(), List.of());

    provider.start(app, Formation.DEFAULT).await();

    org.awaitility.Awaitility.await()
        .until(() -> provider.status(app).await().state() == AppState.FAILED);
  }

  @Test
  void a_moderated_app_cannot_be_started() {
    String app = clever.addUserApp("naughty", "par", List.of(), false);
    clever.setState(app, "MODERATED");

    assertThatThrownBy(
            () -> provider("PLAINTEXT", List.of(), List.of()).start(app, Formation.DEFAULT).await())
        .isInstanceOf(ProviderException.class)
        .hasMessageContaining(app)
        .hasMessageContaining("MODERATED");
  }
}
