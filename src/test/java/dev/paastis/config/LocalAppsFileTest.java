package dev.paastis.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocalAppsFileTest {

  @TempDir Path path;
  ConfigDir dir;

  @BeforeEach
  void setUp() {
    dir = new ConfigDir(path);
  }

  @Test
  void a_local_app_takes_every_field_and_runs_in_the_folder_of_the_file() {
    dir.env("PAASTIS_CONFIG", "conf/paastis.yml")
        .file(
            "conf/paastis.yml",
            """
            local:
              apps:
                - name: shop-api
                  command: python3 -m http.server $PORT
                  port: 8081
                  health_path: /health
                  env:
                    ZIP: 01234
                    DEBUG: yes
                    RATIO: 1.50
                    EMPTY:
                  stop_grace: 500ms
            """);

    LocalAppConfig app = dir.load().providers().localApps().get(0);

    assertThat(app)
        .isEqualTo(
            new LocalAppConfig(
                "shop-api",
                "python3 -m http.server $PORT",
                8081,
                "/health",
                Map.of("ZIP", "01234", "DEBUG", "yes", "RATIO", "1.50", "EMPTY", ""),
                Duration.ofMillis(500),
                path.resolve("conf")));
  }

  @Test
  void health_path_env_and_stop_grace_have_defaults() {
    dir.file("paastis.yml", "local:\n  apps:\n    - {name: web, command: ./serve, port: '8080'}\n");

    assertThat(dir.load().providers().localApps())
        .containsExactly(
            new LocalAppConfig(
                "web", "./serve", 8080, "/", Map.of(), Duration.ofSeconds(10), path));
  }

  @Test
  void a_bare_stop_grace_is_seconds() {
    dir.file(
        "paastis.yml",
        "local:\n  apps:\n    - {name: web, command: ./serve, port: 8080, stop_grace: 3}\n");

    assertThat(dir.load().providers().localApps().get(0).stopGrace())
        .isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void apps_given_by_the_command_come_after_those_of_the_file() {
    dir.file("paastis.yml", "local:\n  apps:\n    - {name: web, command: ./serve, port: 8080}\n");
    LocalAppConfig demo =
        new LocalAppConfig("demo", "./demo", 8090, "/", Map.of(), Duration.ofSeconds(1), path);

    assertThat(dir.load(List.of(demo)).providers().localApps())
        .extracting(LocalAppConfig::name)
        .containsExactly("web", "demo");
  }

  @Test
  void an_app_given_by_the_command_may_not_reuse_a_name_of_the_file() {
    dir.file("paastis.yml", "local:\n  apps:\n    - {name: demo, command: ./serve, port: 8080}\n");
    LocalAppConfig demo =
        new LocalAppConfig("demo", "./demo", 8090, "/", Map.of(), Duration.ofSeconds(1), path);

    assertThat(dir.error(List.of(demo)))
        .isEqualTo(
            "local app name 'demo' is declared twice: paastis.yml local.apps[0] and the command");
  }

  @ParameterizedTest(name = "{1} fails with: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{name: My_App, command: x, port: 8080}"
            + " | a name that is not a DNS label"
            + " | paastis.yml: local.apps[0] name 'My_App' is not valid: expected a DNS label: 1 to"
            + " 63 lowercase letters, digits or '-', not starting or ending with '-'",
        "{name: web-, command: x, port: 8080}"
            + " | a name ending with a dash"
            + " | paastis.yml: local.apps[0] name 'web-' is not valid: expected a DNS label: 1 to"
            + " 63 lowercase letters, digits or '-', not starting or ending with '-'",
        "{command: x, port: 8080}"
            + " | no name"
            + " | paastis.yml: local.apps[0]: missing field 'name'",
        "{name: web, port: 8080}"
            + " | no command"
            + " | paastis.yml: local.apps[0]: missing field 'command'",
        "{name: web, command: x}"
            + " | no port"
            + " | paastis.yml: local.apps[0]: missing field 'port'",
        "{name: web, command: x, port: 0}"
            + " | port zero"
            + " | paastis.yml: local.apps[0] port '0' is not valid: expected a port number from 1"
            + " to 65535",
        "{name: web, command: x, port: 70000}"
            + " | a port too large"
            + " | paastis.yml: local.apps[0] port '70000' is not valid: expected a port number"
            + " from 1 to 65535",
        "{name: web, command: x, port: http}"
            + " | a port that is not a number"
            + " | paastis.yml: local.apps[0] port 'http' is not valid: expected a port number from"
            + " 1 to 65535",
        "{name: web, command: x, port: 8080, health_path: health}"
            + " | a health path without a slash"
            + " | paastis.yml: local.apps[0] health_path 'health' is not valid: expected a path"
            + " starting with /",
        "{name: web, command: x, port: 8080, stop_grace: soon}"
            + " | a stop grace that is no duration"
            + " | paastis.yml: local.apps[0] stop_grace 'soon' is not valid: expected a duration"
            + " such as 30s, 10m or 2h (a bare number is seconds)",
        "{name: web, command: x, port: 8080, env: [A]}"
            + " | env as a list"
            + " | paastis.yml: local.apps[0] env is not valid: expected a mapping of variable"
            + " names to values",
        "{name: web, command: x, port: 8080, env: {A: [1]}}"
            + " | an env value that is a list"
            + " | paastis.yml: local.apps[0] env.A is not valid: expected a single value",
        "{name: web, command: x, port: 8080, cmd: y}"
            + " | an unknown field"
            + " | paastis.yml: local.apps[0]: unknown field 'cmd' (accepted: name, command, port,"
            + " health_path, env, stop_grace)",
        "{name: web, command: x, port: 8080}\\n    - {name: web, command: y, port: 8081}"
            + " | two apps with one name"
            + " | local app name 'web' is declared twice: paastis.yml local.apps[0] and"
            + " paastis.yml local.apps[1]",
        "{name: web, command: x, port: 8080}\\n    - {name: api, command: y, port: 8080}"
            + " | two apps on one port"
            + " | local app port 8080 is declared twice: paastis.yml local.apps[0] and"
            + " paastis.yml local.apps[1]",
      })
  void a_mistake_in_a_local_app_fails_in_one_line_saying_where(
      String app, String mistake, String message) {
    dir.file("paastis.yml", "local:\n  apps:\n    - " + app.replace("\\n", "\n") + "\n");

    assertThat(dir.error()).isEqualTo(message);
  }

  @Test
  void local_accepts_only_apps() {
    dir.file("paastis.yml", "local:\n  app: []\n");

    assertThat(dir.error()).isEqualTo("paastis.yml: local: unknown field 'app' (accepted: apps)");
  }
}
