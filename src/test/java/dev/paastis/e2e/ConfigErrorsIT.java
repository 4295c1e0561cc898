package dev.paastis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paastis.provider.heroku.FakeHerokuApi;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user mistake stops the real jar with exit code 2 and one line that says what is wrong. */
class ConfigErrorsIT {

  @TempDir Path dir;

  private static void assertOneLineError(PaastisProcess.Result result, String... expected) {
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.output())
        .contains(expected)
        .doesNotContain("\tat ")
        .doesNotContain("Exception");
  }

  @Test
  void a_bad_port_names_the_variable_the_value_and_what_is_accepted() throws Exception {
    PaastisProcess.writeOneLocalApp(dir);

    var result = PaastisProcess.run(dir, Map.of("PORT", "abc"), "serve");

    assertOneLineError(result, "PORT=abc", "0 to 65535");
  }

  @Test
  void a_bad_idle_time_flag_is_refused_like_the_variable() throws Exception {
    PaastisProcess.writeOneLocalApp(dir);

    var result = PaastisProcess.run(dir, Map.of(), "--max-idle-time", "ten");

    assertOneLineError(result, "START_AND_STOP_MAX_IDLE_TIME=ten");
  }

  @Test
  void an_invalid_rule_regex_names_the_rule() throws Exception {
    Files.writeString(
        dir.resolve("paastis.yml"),
        "local:\n  apps:\n    - name: a\n      command: sleep 1\n      port: 18080\n"
            + "rules:\n  - pattern: 'ok'\n  - pattern: 'broken('\n");

    var result = PaastisProcess.run(dir, Map.of(), "config", "check");

    assertOneLineError(result, "rules[", "broken(");
  }

  @Test
  void no_provider_at_all_names_provider_name_and_the_accepted_values() throws Exception {
    var result = PaastisProcess.run(dir, Map.of(), "serve");

    assertOneLineError(result, "PROVIDER_NAME", "local");
  }

  @Test
  void a_heroku_token_heroku_rejects_stops_paastis_at_startup() throws Exception {
    Vertx vertx = Vertx.vertx();
    try (FakeHerokuApi heroku = FakeHerokuApi.start(vertx, "the-right-token")) {
      var result =
          PaastisProcess.run(
              dir,
              Map.of(
                  "PROVIDER_NAME", "heroku",
                  "PROVIDER_HEROKU_API_TOKEN", "a-wrong-token",
                  "PROVIDER_HEROKU_API_URL", heroku.baseUrl().toString(),
                  "PORT", "0"),
              "serve");

      assertOneLineError(result, "PROVIDER_HEROKU_API_TOKEN was rejected by Heroku (401)");
      assertThat(result.output()).doesNotContain("a-wrong-token");
    } finally {
      vertx.close().await();
    }
  }

  @Test
  void config_check_prints_the_effective_configuration_with_secrets_redacted() throws Exception {
    PaastisProcess.writeOneLocalApp(dir);

    var result =
        PaastisProcess.run(
            dir,
            Map.of(
                "ROUTING_SYSTEM_API_ENABLED", "true",
                "ROUTING_SYSTEM_API_TOKEN", "very-secret-token",
                "PORT", "4000"),
            "config",
            "check");

    assertThat(result.exitCode()).isEqualTo(0);
    assertThat(result.output())
        .contains("PORT=4000")
        .contains("ROUTING_SYSTEM_API_TOKEN=****")
        .doesNotContain("very-secret-token");
  }

  @Test
  void version_and_help_answer() throws Exception {
    assertThat(PaastisProcess.run(dir, Map.of(), "--version").output()).contains("paastis");
    var help = PaastisProcess.run(dir, Map.of(), "--help");
    assertThat(help.exitCode()).isEqualTo(0);
    assertThat(help.output()).contains("demo", "serve", "config", "--max-idle-time");
  }
}
