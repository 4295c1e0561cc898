package dev.paastis.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Secrets reach the records but never a printed line nor an error message. */
class SecretsTest {

  private static final String SECRET = "s3cr3t-value";

  @TempDir Path path;

  private ConfigDir withEverySecret() {
    return new ConfigDir(path)
        .env("PROVIDER_HEROKU_API_TOKEN", SECRET)
        .env("REGISTRY_TYPE", "redis")
        .env("REGISTRY_REDIS_URL", "redis://:" + SECRET + "@localhost:6379")
        .env("EVENTS_STORE_TYPE", "postgres")
        .env("DATABASE_URL", "postgres://paastis:" + SECRET + "@localhost/paastis")
        .env("ROUTING_SYSTEM_API_ENABLED", "true")
        .env("ROUTING_SYSTEM_API_TOKEN", SECRET);
  }

  @Test
  void the_printed_configuration_shows_stars_where_a_secret_is_set() {
    PaastisConfig config = withEverySecret().load();

    List<String> lines = ConfigPrinter.describe(config);

    assertThat(config.routing().systemApiToken()).contains(new Secret(SECRET));
    assertThat(lines)
        .contains("REGISTRY_REDIS_URL=****", "DATABASE_URL=****", "ROUTING_SYSTEM_API_TOKEN=****");
    assertThat(String.join("\n", lines)).doesNotContain(SECRET);
  }

  @ParameterizedTest(name = "{0}={1} fails without showing a secret")
  @CsvSource(
      delimiter = '|',
      value = {
        "PORT | http",
        "START_AND_STOP_CHECKING_INTERVAL_CRON | * *",
        "PROVIDER_NAME | nope",
        "LOGGING_LEVEL | loud",
        "PAASTIS_CONFIG | missing.yml",
      })
  void an_error_next_to_secrets_does_not_show_them(String variable, String value) {
    ConfigDir dir = withEverySecret().env(variable, value);

    assertThat(dir.error()).startsWith(variable).doesNotContain(SECRET);
  }

  @ParameterizedTest(name = "a .env line like [{0}] fails without showing its value")
  @CsvSource(
      delimiter = '|',
      value = {
        "TOKEN " + SECRET,
        "TOKEN=\"" + SECRET,
        "TOKEN='" + SECRET + "' trailing",
        "TOKEN: " + SECRET,
      })
  void a_malformed_dotenv_line_is_named_by_number_not_shown(String line) {
    ConfigDir dir = new ConfigDir(path).file(".env", line + "\n");

    assertThat(dir.error()).startsWith(".env line 1 is not valid").doesNotContain(SECRET);
  }

  @ParameterizedTest(name = "a paastis.yml with [{0}] fails without showing the secret")
  @CsvSource(
      delimiter = '|',
      value = {
        "env: {TOKEN: \"" + SECRET + "}",
        "env: {TOKEN: [" + SECRET + "]}",
        "env: " + SECRET,
        "env: {TOKEN: " + SECRET + ", TOKEN: " + SECRET + "}",
      })
  void a_mistake_in_local_app_env_does_not_show_its_values(String env) {
    ConfigDir dir =
        new ConfigDir(path)
            .file(
                "paastis.yml",
                "local:\n  apps:\n    - {name: web, command: x, port: 8080, " + env + "}\n");

    assertThat(dir.error()).startsWith("paastis.yml").doesNotContain(SECRET);
  }

  @Test
  void a_secret_prints_as_stars() {
    assertThat(new Secret(SECRET)).hasToString("****");
  }
}
