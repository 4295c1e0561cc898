package dev.paastis.internal.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paastis.app.AppState;
import dev.paastis.app.Formation;
import dev.paastis.app.ProviderApp;
import dev.paastis.config.OwnApp;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IgnoredAppsTest {

  private static ProviderApp app(String provider, String key) {
    return new ProviderApp(
        key,
        key,
        provider,
        AppState.RUNNING,
        Optional.empty(),
        Optional.empty(),
        Formation.DEFAULT);
  }

  @ParameterizedTest(name = "{0} ignored by [{1}]: {2}")
  @CsvSource({
    "paastis, paastis, true",
    "paastis-prod, paastis, false",
    "paastis-prod, paastis-*, true",
    "my-paastis, *-paastis, true",
    "a.b, a.b, true",
    "axb, a.b, false",
    "shop-pr1-front, shop-*-front, true",
    "anything, *, true",
  })
  void names_and_star_globs_match_whole_app_names(String app, String glob, boolean ignored) {
    assertThat(new IgnoredApps(List.of(glob)).isIgnored(app("heroku", app))).isEqualTo(ignored);
  }

  @Test
  void the_own_app_is_ignored_at_its_provider_only() {
    IgnoredApps ignored =
        new IgnoredApps(List.of(), List.of(new OwnApp("heroku", "paastis", "HEROKU_APP_NAME")));

    assertThat(ignored.isIgnored(app("heroku", "paastis"))).isTrue();
    assertThat(ignored.isOwnApp(app("heroku", "paastis"))).isTrue();
    assertThat(ignored.isIgnored(app("scalingo", "paastis"))).isFalse();
    assertThat(ignored.isIgnored(app("heroku", "paastis-2"))).isFalse();
  }

  @Test
  void globs_are_not_own_apps() {
    IgnoredApps ignored = new IgnoredApps(List.of("paastis*"));

    assertThat(ignored.isIgnored(app("heroku", "paastis"))).isTrue();
    assertThat(ignored.isOwnApp(app("heroku", "paastis"))).isFalse();
  }
}
