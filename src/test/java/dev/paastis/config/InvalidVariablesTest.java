package dev.paastis.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InvalidVariablesTest {

  @TempDir Path path;

  @ParameterizedTest(name = "{0}={1} fails with: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "PORT | abc | PORT=abc is not valid: expected a port number from 0 to 65535",
        "PORT | 65536 | PORT=65536 is not valid: expected a port number from 0 to 65535",
        "PORT | -1 | PORT=-1 is not valid: expected a port number from 0 to 65535",
        "SHUTDOWN_GRACE | soon | SHUTDOWN_GRACE=soon is not valid: expected a duration such as 30s,"
            + " 10m or 2h (a bare number is seconds)",
        "SHUTDOWN_GRACE | -5 | SHUTDOWN_GRACE=-5 is not valid: expected a duration such as 30s, 10m"
            + " or 2h (a bare number is seconds)",
        "CLIENT_HEADER_TIMEOUT | 0 | CLIENT_HEADER_TIMEOUT=0 is not valid: expected a duration"
            + " greater than zero such as 30s, 10m or 2h (a bare number is seconds)",
        "CLIENT_KEEP_ALIVE_TIMEOUT | forever | CLIENT_KEEP_ALIVE_TIMEOUT=forever is not valid:"
            + " expected a duration such as 30s, 10m or 2h (a bare number is seconds)",
        "UPSTREAM_CONNECT_TIMEOUT | -1 | UPSTREAM_CONNECT_TIMEOUT=-1 is not valid: expected a"
            + " duration such as 30s, 10m or 2h (a bare number is seconds)",
        "UPSTREAM_RESPONSE_TIMEOUT | 1y | UPSTREAM_RESPONSE_TIMEOUT=1y is not valid: expected a"
            + " duration such as 30s, 10m or 2h (a bare number is seconds)",
        "SCHEDULE_TIMEZONE | Mars/Olympus | SCHEDULE_TIMEZONE=Mars/Olympus is not valid: expected an"
            + " IANA time zone such as Europe/Paris, America/New_York or UTC",
        "WAKE_IGNORED_USER_AGENTS | bot[ | WAKE_IGNORED_USER_AGENTS=bot[ is not valid: expected a"
            + " regular expression (searched in the User-Agent, whatever the case), or off: Unclosed"
            + " character class",
        "WAKE_IGNORED_PATHS | /health,metrics | WAKE_IGNORED_PATHS=metrics is not valid: expected"
            + " comma-separated path globs such as /health,/.well-known/**: the path glob 'metrics'"
            + " must start with / or * (a path such as /health, /healthz*, /.well-known/** or"
            + " /api/*/status)",
        "REGISTRY_TYPE | mongo | REGISTRY_TYPE=mongo is not valid: expected in-memory or redis",
        "START_AND_STOP_CHECKING_INTERVAL_CRON | * * * * | START_AND_STOP_CHECKING_INTERVAL_CRON=* * * *"
            + " is not valid: a cron expression has 5 fields (minute hour day month weekday) or 6"
            + " (seconds first), got 4",
        "START_AND_STOP_CHECKING_INTERVAL_CRON | 61 * * * * | START_AND_STOP_CHECKING_INTERVAL_CRON="
            + "61 * * * * is not valid: Value 61 not in range [0, 59]",
        "START_AND_STOP_CHECKING_INTERVAL_CRON | * * * * W-1/ | START_AND_STOP_CHECKING_INTERVAL_CRON="
            + "* * * * W-1/ is not valid: a cron field is *, a number, a range a-b, a list a,b or a"
            + " step */n",
        "START_AND_STOP_MAX_IDLE_TIME | ten | START_AND_STOP_MAX_IDLE_TIME=ten is not valid: expected"
            + " a duration such as 30s, 10m or 2h (a bare number is minutes)",
        "START_AND_STOP_MAX_IDLE_TIME | 0 | START_AND_STOP_MAX_IDLE_TIME=0 is not valid: expected a"
            + " duration greater than zero such as 30s, 10m or 2h (a bare number is minutes)",
        "RECONCILE_INTERVAL | soon | RECONCILE_INTERVAL=soon is not valid: expected a duration such"
            + " as 30s, 10m or 2h (a bare number is minutes)",
        "PROVIDER_NAME | aws | PROVIDER_NAME=aws is not valid: expected heroku, scalingo,"
            + " clever-cloud, render, kubernetes or local",
        "PROVIDER_LOCAL_OPERATION_TIMEOUT | fast | PROVIDER_LOCAL_OPERATION_TIMEOUT=fast is not"
            + " valid: expected a duration such as 30s, 10m or 2h (a bare number is seconds)",
        "HOOKS_TIMEOUT | 0 | HOOKS_TIMEOUT=0 is not valid: expected a duration greater than zero"
            + " such as 30s, 10m or 2h (a bare number is seconds)",
        "ROUTING_SYSTEM_API_ENABLED | yes | ROUTING_SYSTEM_API_ENABLED=yes is not valid: expected"
            + " true or false",
        "WAKE_STRATEGY | lazy | WAKE_STRATEGY=lazy is not valid: expected auto, blocking or page",
        "TRANSPORT | uring | TRANSPORT=uring is not valid: expected auto, io_uring, epoll or nio",
        "EVENTS_STORE_TYPE | mysql | EVENTS_STORE_TYPE=mysql is not valid: expected in-memory or"
            + " postgres",
        "EVENTS_MEMORY_CAPACITY | 0 | EVENTS_MEMORY_CAPACITY=0 is not valid: expected a whole"
            + " number greater than 0",
        "EVENTS_MEMORY_CAPACITY | many | EVENTS_MEMORY_CAPACITY=many is not valid: expected a whole"
            + " number greater than 0",
        "LOGGING_LEVEL | loud | LOGGING_LEVEL=loud is not valid: expected trace, debug, info, warn,"
            + " error, fatal or silent",
        "LOG_LEVEL | loud | LOG_LEVEL=loud is not valid: expected trace, debug, info, warn, error,"
            + " fatal or silent",
        "LOG_FORMAT | xml | LOG_FORMAT=xml is not valid: expected auto, json or pretty",
      })
  void a_bad_value_fails_in_one_line_naming_the_variable_the_value_and_what_is_accepted(
      String variable, String value, String message) {
    ConfigDir dir = new ConfigDir(path).withProvider().env(variable, value);

    assertThat(dir.error()).isEqualTo(message).doesNotContain("\n");
  }

  @Test
  void a_value_with_a_line_break_is_shown_on_one_line() {
    ConfigDir dir = new ConfigDir(path).withProvider().env("PORT", "80\n80");

    assertThat(dir.error())
        .isEqualTo("PORT=80\\n80 is not valid: expected a port number from 0 to 65535");
  }

  @Test
  void a_redis_registry_needs_a_url() {
    ConfigDir dir = new ConfigDir(path).withProvider().env("REGISTRY_TYPE", "redis");

    assertThat(dir.error())
        .isEqualTo(
            "REGISTRY_REDIS_URL is not set: required when REGISTRY_TYPE=redis"
                + " (REDIS_URL is read when REGISTRY_REDIS_URL is not set)");
  }

  @Test
  void a_redis_url_that_is_not_one_is_refused_without_showing_its_password() {
    ConfigDir dir =
        new ConfigDir(path)
            .withProvider()
            .env("REGISTRY_TYPE", "redis")
            .env("REDIS_URL", "http://user:s3cret@host:6379");

    assertThat(dir.error())
        .isEqualTo(
            "REDIS_URL is not a Redis URL (scheme http): expected"
                + " redis://[user:password@]host:port[/db], or rediss:// for TLS")
        .doesNotContain("s3cret");
  }

  @Test
  void a_redis_database_must_be_a_number() {
    ConfigDir dir =
        new ConfigDir(path)
            .withProvider()
            .env("REGISTRY_TYPE", "redis")
            .env("REGISTRY_REDIS_URL", "redis://localhost:6379/cache");

    assertThat(dir.error()).startsWith("REGISTRY_REDIS_URL is not a Redis URL (database must be");
  }

  @Test
  void a_database_url_that_is_not_postgres_is_refused_without_showing_its_password() {
    ConfigDir dir =
        new ConfigDir(path)
            .withProvider()
            .env("EVENTS_STORE_TYPE", "postgres")
            .env("DATABASE_URL", "mysql://paastis:s3cret@db:3306/events");

    assertThat(dir.error())
        .startsWith("DATABASE_URL is not a PostgreSQL URL (scheme mysql): expected postgres://")
        .doesNotContain("s3cret");
  }

  @Test
  void a_key_prefix_with_a_space_is_refused() {
    ConfigDir dir = new ConfigDir(path).withProvider().env("REDIS_KEY_PREFIX", "my app:");

    assertThat(dir.error())
        .isEqualTo(
            "REDIS_KEY_PREFIX=my app: is not valid: expected a non-empty prefix without spaces"
                + " such as paastis:");
  }

  @Test
  void the_system_api_needs_a_token_when_enabled() {
    ConfigDir dir =
        new ConfigDir(path)
            .withProvider()
            .env("ROUTING_SYSTEM_API_ENABLED", "true")
            .env("ROUTING_SYSTEM_API_TOKEN", "  ");

    assertThat(dir.error())
        .isEqualTo(
            "ROUTING_SYSTEM_API_TOKEN is not set: required when ROUTING_SYSTEM_API_ENABLED=true");
  }

  @Test
  void heroku_needs_its_token() {
    ConfigDir dir = new ConfigDir(path).env("PROVIDER_NAME", "heroku");

    assertThat(dir.error())
        .startsWith("PROVIDER_HEROKU_API_TOKEN is not set: required when PROVIDER_NAME=heroku");
  }

  @Test
  void scalingo_needs_its_token() {
    ConfigDir dir = new ConfigDir(path).env("PROVIDER_NAME", "scalingo");

    assertThat(dir.error())
        .startsWith("PROVIDER_SCALINGO_API_TOKEN is not set: required when PROVIDER_NAME=scalingo");
  }

  @Test
  void several_scalingo_regions_need_a_region_placeholder_in_the_api_url() {
    ConfigDir dir =
        new ConfigDir(path)
            .env("PROVIDER_NAME", "scalingo")
            .env("PROVIDER_SCALINGO_API_TOKEN", "tk")
            .env("PROVIDER_REGION", "osc-fr1,osc-secnum-fr1")
            .env("PROVIDER_SCALINGO_API_URL", "https://proxy.example.com");

    assertThat(dir.error())
        .isEqualTo(
            "PROVIDER_SCALINGO_API_URL=https://proxy.example.com serves one region but"
                + " PROVIDER_REGION names 2: expected a URL with {region}, or one region");
  }

  @Test
  void clever_cloud_needs_its_four_secrets_and_names_the_missing_one() {
    ConfigDir dir =
        new ConfigDir(path)
            .env("PROVIDER_NAME", "clever-cloud")
            .env("PROVIDER_CLEVER_OAUTH_CONSUMER_KEY", "k")
            .env("PROVIDER_CLEVER_OAUTH_CONSUMER_SECRET", "s")
            .env("PROVIDER_CLEVER_SECRET", "u");

    assertThat(dir.error())
        .startsWith("PROVIDER_CLEVER_TOKEN is not set: required when PROVIDER_NAME=clever-cloud");
  }

  @Test
  void render_needs_its_api_key() {
    ConfigDir dir = new ConfigDir(path).env("PROVIDER_NAME", "render");

    assertThat(dir.error())
        .startsWith("PROVIDER_RENDER_API_KEY is not set: required when PROVIDER_NAME=render");
  }

  @Test
  void the_render_api_url_must_be_an_http_url() {
    ConfigDir dir =
        new ConfigDir(path)
            .env("PROVIDER_RENDER_API_KEY", "rnd_x")
            .env("PROVIDER_RENDER_API_URL", "api.render.com");

    assertThat(dir.error())
        .isEqualTo(
            "PROVIDER_RENDER_API_URL=api.render.com is not valid: expected an http:// or https://"
                + " URL such as https://api.render.com/v1");
  }

  @Test
  void the_clever_signature_is_plaintext_or_hmac_sha512() {
    ConfigDir dir =
        new ConfigDir(path).withProvider().env("PROVIDER_CLEVER_SIGNATURE", "HMAC-SHA1");

    assertThat(dir.error())
        .isEqualTo(
            "PROVIDER_CLEVER_SIGNATURE=HMAC-SHA1 is not valid: expected PLAINTEXT or HMAC-SHA512");
  }

  @Test
  void the_heroku_api_url_must_be_an_http_url() {
    ConfigDir dir =
        new ConfigDir(path).withProvider().env("PROVIDER_HEROKU_API_URL", "api.heroku.com");

    assertThat(dir.error())
        .isEqualTo(
            "PROVIDER_HEROKU_API_URL=api.heroku.com is not valid: expected an http:// or https://"
                + " URL such as https://api.heroku.com");
  }

  @Test
  void postgres_events_need_a_database_url() {
    ConfigDir dir = new ConfigDir(path).withProvider().env("EVENTS_STORE_TYPE", "postgres");

    assertThat(dir.error())
        .isEqualTo(
            "DATABASE_URL is not set: required when EVENTS_STORE_TYPE=postgres"
                + " (POSTGRESQL_ADDON_URI is read when DATABASE_URL is not set)");
  }

  @Test
  void a_config_file_named_by_paastis_config_must_exist() {
    ConfigDir dir = new ConfigDir(path).withProvider().env("PAASTIS_CONFIG", "conf/missing.yml");

    assertThat(dir.error())
        .isEqualTo(
            "PAASTIS_CONFIG=conf/missing.yml is not valid: expected an existing file, and "
                + path.resolve("conf/missing.yml")
                + " is not one");
  }

  @Test
  void the_default_config_file_is_optional() {
    assertThat(new ConfigDir(path).withProvider().load().configFile()).isEmpty();
  }
}
