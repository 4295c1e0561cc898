package dev.paastis.internal.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paastis.app.AppState;
import dev.paastis.app.Formation;
import dev.paastis.app.ProviderApp;
import io.vertx.core.Future;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one read model of app state, fed by the providers' listings. */
class AppCatalogTest {

  private final AppCatalog catalog = new AppCatalog();

  private static ProviderApp app(String key, String provider, AppState state) {
    return new ProviderApp(
        key,
        key,
        provider,
        state,
        Optional.of(URI.create("http://localhost:1")),
        Optional.empty(),
        Formation.DEFAULT);
  }

  @Test
  void a_listing_makes_its_apps_known_with_their_states() {
    catalog.observe("heroku", List.of(app("shop", "heroku", AppState.RUNNING)));

    assertThat(catalog.knows("shop")).isTrue();
    assertThat(catalog.hasListed("heroku")).isTrue();
    assertThat(catalog.hasListed("scalingo")).isFalse();
    assertThat(catalog.countByState()).containsOnlyKeys(AppState.RUNNING);
  }

  @Test
  void a_listing_forgets_the_apps_its_provider_no_longer_lists_and_only_those() {
    catalog.observe("heroku", List.of(app("shop", "heroku", AppState.RUNNING)));
    catalog.observe("scalingo", List.of(app("blog", "scalingo", AppState.STOPPED)));

    catalog.observe("heroku", List.of());

    assertThat(catalog.knows("shop")).isFalse();
    assertThat(catalog.get("blog")).map(ProviderApp::state).contains(AppState.STOPPED);
  }

  @Test
  void a_listing_leaves_the_state_of_an_app_being_stopped_to_the_stop() {
    catalog.observe("heroku", List.of(app("shop", "heroku", AppState.RUNNING)));
    AppRuntime runtime = catalog.runtime("shop");
    synchronized (runtime) {
      runtime.stop = Future.succeededFuture(true);
    }

    catalog.observe("heroku", List.of());

    assertThat(catalog.knows("shop")).isTrue();
    assertThat(catalog.state(app("shop", "heroku", AppState.RUNNING))).isEqualTo(AppState.STOPPING);
  }
}
