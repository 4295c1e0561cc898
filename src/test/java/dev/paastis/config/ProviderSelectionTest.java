package dev.paastis.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProviderSelectionTest {

  private static final String LOCAL_APPS =
      "local:\n  apps:\n    - name: web\n      command: ./serve\n      port: 8081\n";

  @TempDir Path path;

  @ParameterizedTest(name = "with {0} and local apps: {1}, the providers are {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "PROVIDER_NAME=scalingo PROVIDER_SCALINGO_API_TOKEN=s | no | scalingo",
        "PROVIDER_NAME=Clever-Cloud PROVIDER_CLEVER_OAUTH_CONSUMER_KEY=k"
            + " PROVIDER_CLEVER_OAUTH_CONSUMER_SECRET=s PROVIDER_CLEVER_TOKEN=t PROVIDER_CLEVER_SECRET=u"
            + " | no | clever-cloud",
        "PROVIDER_HEROKU_API_TOKEN=h | no | heroku",
        "PROVIDER_SCALINGO_API_TOKEN=s | no | scalingo",
        "PROVIDER_HEROKU_API_TOKEN=h PROVIDER_SCALINGO_API_TOKEN=s | no | heroku",
        "PROVIDER_NAME=scalingo PROVIDER_SCALINGO_API_TOKEN=s PROVIDER_HEROKU_API_TOKEN=h | no | scalingo",
        "PROVIDER_CLEVER_OAUTH_CONSUMER_KEY=k PROVIDER_CLEVER_OAUTH_CONSUMER_SECRET=s"
            + " PROVIDER_CLEVER_TOKEN=t PROVIDER_CLEVER_SECRET=u | no | clever-cloud",
        "PROVIDER_NAME=render PROVIDER_RENDER_API_KEY=r | no | render",
        "PROVIDER_RENDER_API_KEY=r | yes | render local",
        "PROVIDER_SCALINGO_API_TOKEN=s PROVIDER_RENDER_API_KEY=r | no | scalingo",
        "PROVIDER_SCALINGO_API_TOKEN=s | yes | scalingo local",
        "PROVIDER_NAME=heroku PROVIDER_HEROKU_API_TOKEN=h | yes | heroku local",
        "PROVIDER_NAME=local | yes | local",
        "nothing | yes | local",
      })
  void the_providers_are_the_named_one_else_the_one_with_credentials_and_local_beside_them(
      String variables, String localApps, String providers) {
    ConfigDir dir = new ConfigDir(path);
    for (String variable : variables.split(" ")) {
      String[] pair = variable.split("=");
      if (pair.length == 2) {
        dir.env(pair[0], pair[1]);
      }
    }
    if (localApps.equals("yes")) {
      dir.file("paastis.yml", LOCAL_APPS);
    }

    assertThat(dir.load().providers().enabled()).isEqualTo(Arrays.asList(providers.split(" ")));
  }

  @Test
  void local_apps_given_by_the_command_enable_the_local_provider() {
    LocalAppConfig demo =
        new LocalAppConfig("demo", "./demo", 8090, "/", Map.of(), Duration.ofSeconds(1), path);

    assertThat(new ConfigDir(path).load(List.of(demo)).providers().enabled())
        .containsExactly("local");
  }

  @Test
  void no_provider_at_all_fails_naming_provider_name_and_the_accepted_values() {
    ConfigDir dir = new ConfigDir(path).env("PROVIDER_CLEVER_TOKEN", "only-one-of-four");

    assertThat(dir.error())
        .isEqualTo(
            "PROVIDER_NAME is not set and no provider credentials or local apps were found:"
                + " expected heroku, scalingo, clever-cloud, render, kubernetes or local");
  }

  @Test
  void the_local_provider_without_local_apps_says_where_they_are_declared() {
    ConfigDir dir = new ConfigDir(path).env("PROVIDER_NAME", "local");

    assertThat(dir.error())
        .isEqualTo(
            "PROVIDER_NAME=local but no local apps were found:"
                + " local apps are declared in paastis.yml under 'local: apps:'");
  }
}
