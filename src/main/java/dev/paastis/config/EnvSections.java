package dev.paastis.config;

import static java.time.temporal.ChronoUnit.DAYS;
import static java.time.temporal.ChronoUnit.MINUTES;
import static java.time.temporal.ChronoUnit.SECONDS;

import dev.paastis.app.SleepPolicy;
import dev.paastis.policy.PathGlob;
import dev.paastis.policy.UserAgentFilter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Builds the sections of {@link PaastisConfig} that come from variables alone. */
final class EnvSections {

  private static final List<String> LEVELS =
      List.of("trace", "debug", "info", "warn", "error", "fatal", "silent");

  private EnvSections() {}

  static ServerConfig server(Variables variables) {
    return new ServerConfig(
        variables.get("HOST", "0.0.0.0"),
        variables.port("PORT", 3000),
        timeouts(variables),
        variables.duration(
            "SHUTDOWN_GRACE", Durations.format(ServerConfig.DEFAULT_SHUTDOWN_GRACE), SECONDS),
        variables.choice("TRANSPORT", NetworkTransport.AUTO));
  }

  private static ProxyTimeouts timeouts(Variables variables) {
    ProxyTimeouts defaults = ProxyTimeouts.DEFAULTS;
    return new ProxyTimeouts(
        positiveSeconds(variables, "CLIENT_HEADER_TIMEOUT", defaults.clientHeader()),
        positiveSeconds(variables, "CLIENT_KEEP_ALIVE_TIMEOUT", defaults.keepAlive()),
        positiveSeconds(variables, "UPSTREAM_CONNECT_TIMEOUT", defaults.upstreamConnect()),
        positiveSeconds(variables, "UPSTREAM_RESPONSE_TIMEOUT", defaults.upstreamResponse()));
  }

  private static Duration positiveSeconds(Variables variables, String name, Duration fallback) {
    return variables.positiveDuration(name, Durations.format(fallback), SECONDS);
  }

  static SchedulerConfig scheduler(Variables variables) {
    return new SchedulerConfig(
        variables.cron("START_AND_STOP_CHECKING_INTERVAL_CRON", "* * * * *"),
        variables.positiveDuration("START_AND_STOP_MAX_IDLE_TIME", "15", MINUTES),
        variables.positiveDuration("RECONCILE_INTERVAL", "10m", MINUTES));
  }

  /**
   * SCHEDULE_TIMEZONE (UTC), WAKE_IGNORED_USER_AGENTS (the common monitors and crawlers; {@code
   * off} for none), WAKE_IGNORED_PATHS (comma-separated globs, none by default).
   */
  static SleepPolicy.Defaults policy(Variables variables) {
    String zone = variables.get("SCHEDULE_TIMEZONE", "UTC");
    return new SleepPolicy.Defaults(
        RulePolicyReader.zone(
            zone, text -> Variables.invalid("SCHEDULE_TIMEZONE", text, RulePolicyReader.ZONES)),
        userAgents(variables),
        paths(variables));
  }

  private static UserAgentFilter userAgents(Variables variables) {
    String regex = variables.get("WAKE_IGNORED_USER_AGENTS", UserAgentFilter.DEFAULT_USER_AGENTS);
    if (regex.equalsIgnoreCase("off")) {
      return UserAgentFilter.NONE;
    }
    try {
      return new UserAgentFilter(Optional.of(Pattern.compile(regex)));
    } catch (PatternSyntaxException e) {
      throw Variables.invalid(
          "WAKE_IGNORED_USER_AGENTS",
          regex,
          "a regular expression (searched in the User-Agent, whatever the case), or off: "
              + e.getDescription());
    }
  }

  private static List<PathGlob> paths(Variables variables) {
    return variables.list("WAKE_IGNORED_PATHS").stream()
        .map(
            glob -> {
              try {
                return PathGlob.compile(glob);
              } catch (IllegalArgumentException e) {
                throw Variables.invalid(
                    "WAKE_IGNORED_PATHS",
                    glob,
                    "comma-separated path globs such as /health,/.well-known/**: "
                        + e.getMessage());
              }
            })
        .toList();
  }

  static RegistryConfig registry(Variables variables) {
    String type = variables.choice("REGISTRY_TYPE", "in-memory", List.of("in-memory", "redis"));
    Optional<Secret> url = variables.secret("REGISTRY_REDIS_URL", "REDIS_URL");
    if (type.equals("redis") && url.isEmpty()) {
      throw new ConfigException(
          "REGISTRY_REDIS_URL is not set: required when REGISTRY_TYPE=redis"
              + " (REDIS_URL is read when REGISTRY_REDIS_URL is not set)");
    }
    String urlName = variables.firstSet("REGISTRY_REDIS_URL", "REDIS_URL").orElse("");
    url.ifPresent(value -> RedisUrl.check(urlName, value));
    String prefix = variables.get("REDIS_KEY_PREFIX", RegistryConfig.DEFAULT_KEY_PREFIX);
    if (prefix.isEmpty() || prefix.chars().anyMatch(c -> c <= ' ' || c == 127)) {
      throw Variables.invalid(
          "REDIS_KEY_PREFIX", prefix, "a non-empty prefix without spaces such as paastis:");
    }
    return new RegistryConfig(
        type,
        variables.list("REGISTRY_IGNORED_APPS"),
        url,
        variables.bool("REGISTRY_REDIS_TLS_VERIFY", true),
        prefix);
  }

  static HooksConfig hooks(Variables variables) {
    return new HooksConfig(
        variables.get("HOOKS_BEFORE_START"),
        variables.get("HOOKS_AFTER_START"),
        variables.get("HOOKS_BEFORE_STOP"),
        variables.get("HOOKS_AFTER_STOP"),
        variables.positiveDuration("HOOKS_TIMEOUT", "60", SECONDS));
  }

  static RoutingConfig routing(Variables variables) {
    boolean enabled = variables.bool("ROUTING_SYSTEM_API_ENABLED", false);
    Optional<Secret> token = variables.secret("ROUTING_SYSTEM_API_TOKEN");
    if (enabled && token.isEmpty()) {
      throw new ConfigException(
          "ROUTING_SYSTEM_API_TOKEN is not set: required when ROUTING_SYSTEM_API_ENABLED=true");
    }
    return new RoutingConfig(enabled, token, variables.choice("WAKE_STRATEGY", WakeStrategy.AUTO));
  }

  static AdminConfig admin(Variables variables) {
    boolean enabled = variables.bool("ADMIN_ENABLED", false);
    Optional<Secret> token =
        variables.secret("ADMIN_API_TOKEN").or(() -> variables.secret("ROUTING_SYSTEM_API_TOKEN"));
    if (enabled && token.isEmpty()) {
      throw new ConfigException(
          "ADMIN_API_TOKEN is not set: required when ADMIN_ENABLED=true"
              + " (ROUTING_SYSTEM_API_TOKEN is used when it is set)");
    }
    return new AdminConfig(
        enabled,
        variables.get("ADMIN_HOST", "127.0.0.1"),
        variables.port("ADMIN_PORT", 3001),
        token,
        variables.bool("METRICS_PUBLIC", false));
  }

  static EventsConfig events(Variables variables) {
    String type =
        variables.choice("EVENTS_STORE_TYPE", "in-memory", List.of("in-memory", "postgres"));
    // Heroku and Scalingo set DATABASE_URL; Clever Cloud's add-on sets POSTGRESQL_ADDON_URI only
    Optional<Secret> databaseUrl = variables.secret("DATABASE_URL", "POSTGRESQL_ADDON_URI");
    if (type.equals("postgres") && databaseUrl.isEmpty()) {
      throw new ConfigException(
          "DATABASE_URL is not set: required when EVENTS_STORE_TYPE=postgres"
              + " (POSTGRESQL_ADDON_URI is read when DATABASE_URL is not set)");
    }
    String urlName = variables.firstSet("DATABASE_URL", "POSTGRESQL_ADDON_URI").orElse("");
    databaseUrl.ifPresent(url -> DatabaseUrl.check(urlName, url));
    return new EventsConfig(
        type,
        databaseUrl,
        variables.positiveInteger("EVENTS_MEMORY_CAPACITY", 1000),
        variables.positiveInteger("EVENTS_BUFFER_CAPACITY", EventsConfig.DEFAULT_BUFFER_CAPACITY),
        variables.positiveDuration("EVENTS_RETENTION", "30d", DAYS));
  }

  /** Also accepts the pino names of the original: fatal is ERROR, silent is OFF. */
  static LoggingConfig logging(Variables variables) {
    String name = variables.firstSet("LOGGING_LEVEL", "LOG_LEVEL").orElse("LOGGING_LEVEL");
    String given = variables.choice(name, "info", LEVELS);
    String level =
        switch (given) {
          case "fatal" -> "ERROR";
          case "silent" -> "OFF";
          default -> given.toUpperCase(Locale.ROOT);
        };
    return new LoggingConfig(level, variables.choice("LOG_FORMAT", LogFormat.AUTO));
  }
}
