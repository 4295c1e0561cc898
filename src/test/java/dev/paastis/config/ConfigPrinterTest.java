package dev.paastis.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paastis.policy.UserAgentFilter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigPrinterTest {

  @TempDir Path path;
  ConfigDir dir;

  @BeforeEach
  void setUp() {
    dir = new ConfigDir(path);
  }

  @Test
  void the_defaults_print_as_variable_lines_that_read_back() {
    assertThat(ConfigPrinter.describe(dir.withProvider().load()))
        .containsExactly(
            "HOST=0.0.0.0",
            "PORT=3000",
            "CLIENT_HEADER_TIMEOUT=1m",
            "CLIENT_KEEP_ALIVE_TIMEOUT=2m",
            "UPSTREAM_CONNECT_TIMEOUT=5s",
            "UPSTREAM_RESPONSE_TIMEOUT=1m",
            "SHUTDOWN_GRACE=25s",
            "TRANSPORT=auto",
            "REGISTRY_TYPE=in-memory",
            "REGISTRY_IGNORED_APPS=",
            "REGISTRY_REDIS_URL=",
            "REGISTRY_REDIS_TLS_VERIFY=true",
            "REDIS_KEY_PREFIX=paastis:",
            "START_AND_STOP_CHECKING_INTERVAL_CRON=* * * * *",
            "START_AND_STOP_MAX_IDLE_TIME=15m",
            "RECONCILE_INTERVAL=10m",
            "PROVIDERS_ENABLED=heroku",
            "OWN_APP=",
            "PROVIDER_REGION=",
            "PROVIDER_HEROKU_API_TOKEN=****",
            "PROVIDER_HEROKU_API_URL=https://api.heroku.com",
            "PROVIDER_HEROKU_OPERATION_TIMEOUT=30s",
            "PROVIDER_SCALINGO_API_TOKEN=",
            "PROVIDER_SCALINGO_API_URL=https://api.{region}.scalingo.com",
            "PROVIDER_SCALINGO_AUTH_URL=https://auth.scalingo.com",
            "PROVIDER_SCALINGO_OPERATION_TIMEOUT=30s",
            "PROVIDER_CLEVER_API_HOST=https://api.clever-cloud.com",
            "PROVIDER_CLEVER_OAUTH_CONSUMER_KEY=",
            "PROVIDER_CLEVER_OAUTH_CONSUMER_SECRET=",
            "PROVIDER_CLEVER_TOKEN=",
            "PROVIDER_CLEVER_SECRET=",
            "PROVIDER_CLEVER_SIGNATURE=PLAINTEXT",
            "PROVIDER_CLEVER_ORGANISATIONS=",
            "PROVIDER_CLEVER_OPERATION_TIMEOUT=1m",
            "PROVIDER_RENDER_API_KEY=",
            "PROVIDER_RENDER_API_URL=https://api.render.com/v1",
            "PROVIDER_RENDER_OWNER_ID=",
            "PROVIDER_RENDER_OPERATION_TIMEOUT=2m",
            "PROVIDER_KUBERNETES_LABEL_SELECTOR=paastis.dev/enabled=true",
            "PROVIDER_KUBERNETES_NAMESPACES=",
            "PROVIDER_KUBERNETES_OPERATION_TIMEOUT=2m",
            "PROVIDER_LOCAL_OPERATION_TIMEOUT=30s",
            "HOOKS_BEFORE_START=",
            "HOOKS_AFTER_START=",
            "HOOKS_BEFORE_STOP=",
            "HOOKS_AFTER_STOP=",
            "HOOKS_TIMEOUT=1m",
            "ROUTING_SYSTEM_API_ENABLED=false",
            "ROUTING_SYSTEM_API_TOKEN=",
            "WAKE_STRATEGY=auto",
            "ADMIN_ENABLED=false",
            "ADMIN_HOST=127.0.0.1",
            "ADMIN_PORT=3001",
            "ADMIN_API_TOKEN=",
            "METRICS_PUBLIC=false",
            "EVENTS_STORE_TYPE=in-memory",
            "DATABASE_URL=",
            "EVENTS_MEMORY_CAPACITY=1000",
            "EVENTS_BUFFER_CAPACITY=10000",
            "EVENTS_RETENTION=30d",
            "LOGGING_LEVEL=info",
            "LOG_FORMAT=auto",
            "SCHEDULE_TIMEZONE=UTC",
            "WAKE_IGNORED_USER_AGENTS=" + UserAgentFilter.DEFAULT_USER_AGENTS,
            "WAKE_IGNORED_PATHS=",
            "PAASTIS_CONFIG=");
  }

  @Test
  void rules_local_apps_and_enabled_providers_are_shown_readably() {
    dir.env("PROVIDER_SCALINGO_API_TOKEN", "tk")
        .env("LOG_LEVEL", "silent")
        .file(
            "paastis.yml",
            """
            rules:
              - pattern: ^review-(\\d+)$
                app_name: shop-pr$1
                app_max_idle_time: 90
                linked_apps: [shop-api-pr$1]
                region: osc-fr1
            local:
              apps:
                - {name: web, command: ./serve --fast, port: 8081, env: {KEY: hidden-value}}
            """);

    List<String> lines = ConfigPrinter.describe(dir.load());

    assertThat(lines)
        .contains(
            "PROVIDERS_ENABLED=scalingo,local",
            "LOGGING_LEVEL=silent",
            "PAASTIS_CONFIG=" + path.resolve("paastis.yml"),
            "rules[0]=pattern: ^review-(\\d+)$, app_name: shop-pr$1, app_max_idle_time: 90m,"
                + " linked_apps: [shop-api-pr$1], region: osc-fr1",
            "local.apps[0]=name: web, port: 8081, command: ./serve --fast");
    assertThat(String.join("\n", lines)).doesNotContain("hidden-value");
  }

  @Test
  void the_sleep_policy_of_each_rule_is_shown_as_written_and_its_windows_in_words() {
    dir.withProvider()
        .env("WAKE_IGNORED_USER_AGENTS", "off")
        .env("WAKE_IGNORED_PATHS", "/health, /.well-known/**")
        .file(
            "paastis.yml",
            """
            rules:
              - pattern: ^school-
                timezone: Europe/Paris
                keep_awake: [ { from: '30 7 * * 1-5', to: '0 18 * * 1-5' } ]
                keep_asleep: [ { from: '0 22 * * *', to: '0 6 * * *' } ]
                wake_ignored_user_agents: ''
                wake_ignored_paths: [ /ping ]
                busy_probe: /internal/busy
                busy_retry: 10
                busy_probe_timeout: 1
                prewarm: true
                prewarm_lead: 5m
                cost_per_hour: '0.050'
            """);

    List<String> lines = ConfigPrinter.describe(dir.load());

    assertThat(lines)
        .contains(
            "WAKE_IGNORED_USER_AGENTS=off",
            "WAKE_IGNORED_PATHS=/health,/.well-known/**",
            "rules[0]=pattern: ^school-, timezone: Europe/Paris,"
                + " keep_awake: [30 7 * * 1-5 -> 0 18 * * 1-5],"
                + " keep_asleep: [0 22 * * * -> 0 6 * * *], wake_ignored_user_agents: '',"
                + " wake_ignored_paths: [/ping], busy_probe: /internal/busy, busy_retry: 10m,"
                + " busy_probe_timeout: 1s, prewarm: true, prewarm_lead: 5m, cost_per_hour: 0.050");
    assertThat(lines)
        .anySatisfy(line -> assertThat(line).startsWith("rules[0].keep_awake[0]=from at 07:30"))
        .anySatisfy(line -> assertThat(line).startsWith("rules[0].keep_asleep[0]=from at 22:00"))
        .anySatisfy(line -> assertThat(line).endsWith("(Europe/Paris)"));
  }

  @Test
  void a_value_with_a_line_break_stays_on_its_line() {
    LocalAppConfig app =
        new LocalAppConfig("web", "a\nb", 8081, "/", Map.of(), Duration.ofSeconds(1), path);

    assertThat(ConfigPrinter.describe(dir.load(List.of(app))))
        .contains("local.apps[0]=name: web, port: 8081, command: a\\nb");
  }
}
