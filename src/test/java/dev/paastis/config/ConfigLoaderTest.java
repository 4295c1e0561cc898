package dev.paastis.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paastis.ProviderChoice;
import dev.paastis.provider.local.LocalSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {

  @TempDir Path path;
  ConfigDir dir;

  @BeforeEach
  void setUp() {
    dir = new ConfigDir(path);
  }

  @Test
  void every_variable_has_its_default() {
    PaastisConfig config = dir.withProvider().load();

    assertThat(config.server())
        .isEqualTo(
            new ServerConfig(
                "0.0.0.0",
                3000,
                ProxyTimeouts.DEFAULTS,
                Duration.ofSeconds(25),
                NetworkTransport.AUTO));
    assertThat(config.scheduler().cron().expression()).isEqualTo("* * * * *");
    assertThat(config.scheduler().maxIdleTime()).isEqualTo(Duration.ofMinutes(15));
    assertThat(config.scheduler().reconcileInterval()).isEqualTo(Duration.ofMinutes(10));
    assertThat(config.registry()).isEqualTo(RegistryConfig.of("in-memory", List.of()));
    assertThat(config.providers().enabled()).containsExactly("heroku");
    assertThat(config.providers().regions()).isEmpty();
    assertThat(config.providers().localApps()).isEmpty();
    assertThat(config.providers().settings("local"))
        .isEqualTo(new LocalSettings(Duration.ofSeconds(30)));
    assertThat(config.hooks()).isEqualTo(HooksConfig.none());
    assertThat(config.routing())
        .isEqualTo(new RoutingConfig(false, Optional.empty(), WakeStrategy.AUTO));
    assertThat(config.admin()).isEqualTo(AdminConfig.disabled());
    assertThat(config.events()).isEqualTo(EventsConfig.inMemory(1000));
    assertThat(config.logging()).isEqualTo(new LoggingConfig("INFO", LogFormat.AUTO));
    assertThat(config.rules()).isEmpty();
    assertThat(config.configFile()).isEmpty();
  }

  @ParameterizedTest(name = "with PORT in {0}, the proxy listens on {1}")
  @CsvSource({
    "nothing,                           3000",
    ".env,                              4001",
    ".env and environment,              4002",
    ".env and environment and override, 4003",
    "environment and override,          4003",
    ".env and override,                 4003",
  })
  void an_override_wins_over_the_environment_which_wins_over_dotenv_which_wins_over_the_default(
      String sources, int port) {
    if (sources.contains(".env")) {
      dir.file(".env", "PORT=4001\n");
    }
    if (sources.contains("environment")) {
      dir.env("PORT", "4002");
    }
    Map<String, String> overrides =
        sources.contains("override") ? Map.of("PORT", "4003") : Map.of();

    assertThat(dir.withProvider().load(overrides).server().port()).isEqualTo(port);
  }

  @Test
  void dotenv_may_set_any_variable_including_credentials_and_the_config_file() {
    dir.file(".env", "export PROVIDER_SCALINGO_API_TOKEN=tk-us-1\nPAASTIS_CONFIG=conf/p.yml\n")
        .file("conf/p.yml", "rules:\n  - pattern: shop\n");

    PaastisConfig config = dir.load();

    assertThat(config.providers().enabled()).containsExactly("scalingo");
    assertThat(config.configFile()).contains(path.resolve("conf/p.yml"));
  }

  @Test
  void an_override_with_a_null_value_leaves_the_environment_alone() {
    Map<String, String> overrides = new HashMap<>();
    overrides.put("PORT", null);

    assertThat(dir.withProvider().env("PORT", "4002").load(overrides).server().port())
        .isEqualTo(4002);
  }

  @Test
  void a_blank_value_counts_as_unset() {
    PaastisConfig config = dir.withProvider().env("PORT", " ").env("HOOKS_BEFORE_START", "").load();

    assertThat(config.server().port()).isEqualTo(3000);
    assertThat(config.hooks().beforeStart()).isEmpty();
  }

  @ParameterizedTest(name = "SHUTDOWN_GRACE={0} is {1}")
  @CsvSource({"0, PT0S", "500ms, PT0.5S", "1m, PT1M"})
  void the_shutdown_grace_takes_zero_and_any_unit(String value, Duration grace) {
    PaastisConfig config = dir.withProvider().env("SHUTDOWN_GRACE", value).load();

    assertThat(config.server().shutdownGrace()).isEqualTo(grace);
  }

  @Test
  void the_edge_timeouts_are_read_with_seconds_as_the_bare_unit() {
    PaastisConfig config =
        dir.withProvider()
            .env("CLIENT_HEADER_TIMEOUT", "10")
            .env("CLIENT_KEEP_ALIVE_TIMEOUT", "5m")
            .env("UPSTREAM_CONNECT_TIMEOUT", "750ms")
            .env("UPSTREAM_RESPONSE_TIMEOUT", "2m")
            .load();

    assertThat(config.server().timeouts())
        .isEqualTo(
            new ProxyTimeouts(
                Duration.ofSeconds(10),
                Duration.ofMinutes(5),
                Duration.ofMillis(750),
                Duration.ofMinutes(2)));
  }

  @Test
  void values_are_read_into_their_types() {
    PaastisConfig config =
        dir.withProvider()
            .env("HOST", "127.0.0.1")
            .env("PORT", "0")
            .env("SHUTDOWN_GRACE", "10")
            .env("TRANSPORT", "EPoll")
            .env("REGISTRY_IGNORED_APPS", " admin, ,review-* ,")
            .env("START_AND_STOP_CHECKING_INTERVAL_CRON", "*/10 * * * * *")
            .env("START_AND_STOP_MAX_IDLE_TIME", "30s")
            .env("RECONCILE_INTERVAL", "2")
            .env("PROVIDER_REGION", "osc-fr1, osc-secnum-fr1")
            .env("PROVIDER_LOCAL_OPERATION_TIMEOUT", "5")
            .env("HOOKS_AFTER_STOP", "echo stopped")
            .env("HOOKS_TIMEOUT", "2m")
            .env("WAKE_STRATEGY", "Page")
            .env("EVENTS_MEMORY_CAPACITY", "50")
            .env("LOG_FORMAT", "JSON")
            .load();

    assertThat(config.server())
        .isEqualTo(
            new ServerConfig(
                "127.0.0.1",
                0,
                ProxyTimeouts.DEFAULTS,
                Duration.ofSeconds(10),
                NetworkTransport.EPOLL));
    assertThat(config.registry().ignoredApps()).containsExactly("admin", "review-*");
    assertThat(config.scheduler().cron().expression()).isEqualTo("*/10 * * * * *");
    assertThat(config.scheduler().maxIdleTime()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.scheduler().reconcileInterval()).isEqualTo(Duration.ofMinutes(2));
    assertThat(config.providers().regions()).containsExactly("osc-fr1", "osc-secnum-fr1");
    assertThat(config.providers().settings("local"))
        .isEqualTo(new LocalSettings(Duration.ofSeconds(5)));
    assertThat(config.hooks().afterStop()).contains("echo stopped");
    assertThat(config.hooks().timeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(config.routing().wakeStrategy()).isEqualTo(WakeStrategy.PAGE);
    assertThat(config.events().memoryCapacity()).isEqualTo(50);
    assertThat(config.logging().format()).isEqualTo(LogFormat.JSON);
  }

  @ParameterizedTest(name = "the cron ''{0}'' is accepted")
  @CsvSource({"'0 3 * * MON-FRI'", "'*/5 * * * *'", "'*/10 * * * * *'", "'0 0 8 * * *'"})
  void a_cron_of_five_or_six_fields_is_accepted(String cron) {
    dir.withProvider().env("START_AND_STOP_CHECKING_INTERVAL_CRON", cron);

    assertThat(dir.load().scheduler().cron().expression()).isEqualTo(cron);
  }

  @Test
  void the_redis_url_falls_back_to_redis_url_and_registry_redis_url_wins() {
    dir.withProvider().env("REGISTRY_TYPE", "redis").env("REDIS_URL", "redis://fallback");
    assertThat(dir.load().registry().redisUrl()).contains(new Secret("redis://fallback"));

    dir.env("REGISTRY_REDIS_URL", "redis://main");
    assertThat(dir.load().registry().redisUrl()).contains(new Secret("redis://main"));
  }

  @Test
  void a_redis_registry_reads_its_tls_check_and_key_prefix() {
    PaastisConfig config =
        dir.withProvider()
            .env("REGISTRY_TYPE", "redis")
            .env("REDIS_URL", "rediss://:pw@redis.example.com:6380/2")
            .env("REGISTRY_REDIS_TLS_VERIFY", "false")
            .env("REDIS_KEY_PREFIX", "staging:paastis:")
            .load();

    assertThat(config.registry())
        .isEqualTo(
            new RegistryConfig(
                "redis",
                List.of(),
                Optional.of(new Secret("rediss://:pw@redis.example.com:6380/2")),
                false,
                "staging:paastis:"));
  }

  @Test
  void postgres_events_and_the_system_api_take_their_secrets() {
    PaastisConfig config =
        dir.withProvider()
            .env("EVENTS_STORE_TYPE", "postgres")
            .env("DATABASE_URL", "postgres://u:p@db:5432/events")
            .env("ROUTING_SYSTEM_API_ENABLED", "TRUE")
            .env("ROUTING_SYSTEM_API_TOKEN", "tk")
            .load();

    assertThat(config.events().databaseUrl()).contains(new Secret("postgres://u:p@db:5432/events"));
    assertThat(config.routing().systemApiEnabled()).isTrue();
    assertThat(config.routing().systemApiToken()).contains(new Secret("tk"));
  }

  @Test
  void clever_clouds_postgresql_add_on_url_is_read_when_database_url_is_not_set() {
    dir.withProvider()
        .env("EVENTS_STORE_TYPE", "postgres")
        .env("POSTGRESQL_ADDON_URI", "postgresql://u:p@clever-db:5432/b1");
    assertThat(dir.load().events().databaseUrl())
        .contains(new Secret("postgresql://u:p@clever-db:5432/b1"));

    dir.env("DATABASE_URL", "postgres://u:p@db:5432/events");
    assertThat(dir.load().events().databaseUrl())
        .contains(new Secret("postgres://u:p@db:5432/events"));
  }

  @Test
  void a_bad_postgresql_add_on_url_is_named_as_the_variable_it_came_from() {
    dir.withProvider()
        .env("EVENTS_STORE_TYPE", "postgres")
        .env("POSTGRESQL_ADDON_URI", "mysql://u:p@clever-db:3306/b1");

    assertThat(dir.error()).startsWith("POSTGRESQL_ADDON_URI is not a PostgreSQL URL");
  }

  @Test
  void the_admin_listener_takes_its_own_token_or_falls_back_to_the_system_api_token() {
    PaastisConfig own =
        dir.withProvider()
            .env("ADMIN_ENABLED", "true")
            .env("ADMIN_HOST", "0.0.0.0")
            .env("ADMIN_PORT", "3101")
            .env("ADMIN_API_TOKEN", "admin-tk")
            .env("ROUTING_SYSTEM_API_TOKEN", "system-tk")
            .env("METRICS_PUBLIC", "true")
            .load();
    assertThat(own.admin())
        .isEqualTo(
            new AdminConfig(true, "0.0.0.0", 3101, Optional.of(new Secret("admin-tk")), true));

    PaastisConfig fallback =
        new ConfigDir(dir.path)
            .withProvider()
            .env("ADMIN_ENABLED", "true")
            .env("ROUTING_SYSTEM_API_TOKEN", "system-tk")
            .load();
    assertThat(fallback.admin().apiToken()).contains(new Secret("system-tk"));
  }

  @Test
  void the_variables_join_dotenv_and_the_environment_without_blank_ones() {
    dir.file(".env", "ADMIN_ENABLED=false\nADMIN_PORT=4001\nADMIN_HOST=\n")
        .env("ADMIN_PORT", "4002");

    assertThat(ProviderChoice.configLoader(Map.of("ADMIN_PORT", "4002"), dir.path).variables())
        .containsEntry("ADMIN_ENABLED", "false")
        .containsEntry("ADMIN_PORT", "4002")
        .doesNotContainKey("ADMIN_HOST");
  }

  @Test
  void an_enabled_admin_listener_without_any_token_is_refused() {
    assertThat(dir.withProvider().env("ADMIN_ENABLED", "true").error())
        .isEqualTo(
            "ADMIN_API_TOKEN is not set: required when ADMIN_ENABLED=true"
                + " (ROUTING_SYSTEM_API_TOKEN is used when it is set)");
  }

  @ParameterizedTest(name = "{0}={1} gives the level {2}")
  @CsvSource({
    "LOGGING_LEVEL, debug,  DEBUG",
    "LOGGING_LEVEL, WARN,   WARN",
    "LOG_LEVEL,     trace,  TRACE",
    "LOG_LEVEL,     fatal,  ERROR",
    "LOG_LEVEL,     silent, OFF",
  })
  void the_logging_level_takes_the_names_of_the_original(
      String variable, String value, String level) {
    assertThat(dir.withProvider().env(variable, value).load().logging().level()).isEqualTo(level);
  }

  @Test
  void logging_level_wins_over_log_level() {
    dir.withProvider().env("LOG_LEVEL", "error").env("LOGGING_LEVEL", "debug");

    assertThat(dir.load().logging().level()).isEqualTo("DEBUG");
  }
}
