package dev.paastis.config;

import dev.paastis.app.Rule;
import dev.paastis.app.RulePolicy;
import dev.paastis.app.SleepPolicy;
import dev.paastis.policy.PathGlob;
import dev.paastis.policy.Window;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The effective configuration as {@code NAME=value} lines, for {@code paastis config check}. Names
 * are the variables that set each value; {@code PROVIDERS_ENABLED}, {@code OWN_APP} (the app
 * Paastis runs as, and the variable that told it), {@code rules[i]} and {@code local.apps[i]} show
 * what has no single variable. A secret prints as {@code ****} when set and empty when not; local
 * apps' env values are left out, as they may hold secrets too.
 */
public final class ConfigPrinter {

  private ConfigPrinter() {}

  public static List<String> describe(PaastisConfig config) {
    Lines lines = new Lines();
    lines.add("HOST", config.server().host());
    lines.add("PORT", config.server().port());
    timeouts(lines, config.server().timeouts());
    lines.add("SHUTDOWN_GRACE", config.server().shutdownGrace());
    lines.add("TRANSPORT", config.server().transport().name().toLowerCase(Locale.ROOT));
    registry(lines, config.registry());
    scheduler(lines, config.scheduler());
    providers(lines, config.providers());
    hooks(lines, config.hooks());
    routing(lines, config.routing());
    admin(lines, config.admin());
    events(lines, config.events());
    logging(lines, config.logging());
    policy(lines, config.policy());
    lines.add("PAASTIS_CONFIG", config.configFile().map(Path::toString).orElse(""));
    rules(lines, config.rules());
    localApps(lines, config.providers().localApps());
    return lines.list();
  }

  private static void timeouts(Lines lines, ProxyTimeouts timeouts) {
    lines.add("CLIENT_HEADER_TIMEOUT", timeouts.clientHeader());
    lines.add("CLIENT_KEEP_ALIVE_TIMEOUT", timeouts.keepAlive());
    lines.add("UPSTREAM_CONNECT_TIMEOUT", timeouts.upstreamConnect());
    lines.add("UPSTREAM_RESPONSE_TIMEOUT", timeouts.upstreamResponse());
  }

  private static void registry(Lines lines, RegistryConfig registry) {
    lines.add("REGISTRY_TYPE", registry.type());
    lines.add("REGISTRY_IGNORED_APPS", String.join(",", registry.ignoredApps()));
    lines.add("REGISTRY_REDIS_URL", redacted(registry.redisUrl()));
    lines.add("REGISTRY_REDIS_TLS_VERIFY", registry.redisTlsVerify());
    lines.add("REDIS_KEY_PREFIX", registry.keyPrefix());
  }

  private static void scheduler(Lines lines, SchedulerConfig scheduler) {
    lines.add("START_AND_STOP_CHECKING_INTERVAL_CRON", scheduler.cron().expression());
    lines.add("START_AND_STOP_MAX_IDLE_TIME", scheduler.maxIdleTime());
    lines.add("RECONCILE_INTERVAL", scheduler.reconcileInterval());
  }

  private static void providers(Lines lines, ProvidersConfig providers) {
    lines.add("PROVIDERS_ENABLED", String.join(",", providers.enabled()));
    lines.add(
        "OWN_APP",
        providers.ownApps().stream().map(OwnApp::describe).collect(Collectors.joining(",")));
    lines.add("PROVIDER_REGION", String.join(",", providers.regions()));
    providers.settings().values().forEach(settings -> settings.describe(lines::add));
  }

  private static void hooks(Lines lines, HooksConfig hooks) {
    lines.add("HOOKS_BEFORE_START", hooks.beforeStart().orElse(""));
    lines.add("HOOKS_AFTER_START", hooks.afterStart().orElse(""));
    lines.add("HOOKS_BEFORE_STOP", hooks.beforeStop().orElse(""));
    lines.add("HOOKS_AFTER_STOP", hooks.afterStop().orElse(""));
    lines.add("HOOKS_TIMEOUT", hooks.timeout());
  }

  private static void admin(Lines lines, AdminConfig admin) {
    lines.add("ADMIN_ENABLED", admin.enabled());
    lines.add("ADMIN_HOST", admin.host());
    lines.add("ADMIN_PORT", admin.port());
    lines.add("ADMIN_API_TOKEN", redacted(admin.apiToken()));
    lines.add("METRICS_PUBLIC", admin.metricsPublic());
  }

  private static void routing(Lines lines, RoutingConfig routing) {
    lines.add("ROUTING_SYSTEM_API_ENABLED", routing.systemApiEnabled());
    lines.add("ROUTING_SYSTEM_API_TOKEN", redacted(routing.systemApiToken()));
    lines.add("WAKE_STRATEGY", routing.wakeStrategy().name().toLowerCase(Locale.ROOT));
  }

  private static void events(Lines lines, EventsConfig events) {
    lines.add("EVENTS_STORE_TYPE", events.type());
    lines.add("DATABASE_URL", redacted(events.databaseUrl()));
    lines.add("EVENTS_MEMORY_CAPACITY", events.memoryCapacity());
    lines.add("EVENTS_BUFFER_CAPACITY", events.bufferCapacity());
    lines.add("EVENTS_RETENTION", events.retention());
  }

  private static void logging(Lines lines, LoggingConfig logging) {
    String level = logging.level().equals("OFF") ? "silent" : logging.level();
    lines.add("LOGGING_LEVEL", level.toLowerCase(Locale.ROOT));
    lines.add("LOG_FORMAT", logging.format().name().toLowerCase(Locale.ROOT));
  }

  private static void policy(Lines lines, SleepPolicy.Defaults policy) {
    lines.add("SCHEDULE_TIMEZONE", policy.timezone().getId());
    lines.add("WAKE_IGNORED_USER_AGENTS", policy.userAgents().expression().orElse("off"));
    lines.add("WAKE_IGNORED_PATHS", globs(policy.paths()));
  }

  private static String globs(List<PathGlob> globs) {
    return globs.stream().map(PathGlob::glob).collect(Collectors.joining(","));
  }

  private static void rules(Lines lines, List<Rule> rules) {
    for (int index = 0; index < rules.size(); index++) {
      Rule rule = rules.get(index);
      List<String> fields = new ArrayList<>();
      fields.add("pattern: " + rule.pattern().pattern());
      rule.appName().ifPresent(name -> fields.add("app_name: " + name));
      rule.maxIdleTime()
          .ifPresent(idle -> fields.add("app_max_idle_time: " + Durations.format(idle)));
      rule.linkedApps()
          .ifPresent(apps -> fields.add("linked_apps: [" + String.join(", ", apps) + "]"));
      rule.provider().ifPresent(provider -> fields.add("provider: " + provider));
      rule.region().ifPresent(region -> fields.add("region: " + region));
      fields.addAll(policyFields(rule.policy()));
      lines.add("rules[" + index + "]", String.join(", ", fields));
      schedules(lines, "rules[" + index + "]", rule.policy());
    }
  }

  /** The sleep-policy fields a rule sets, as written in paastis.yml. */
  private static List<String> policyFields(RulePolicy policy) {
    List<String> fields = new ArrayList<>();
    policy.timezone().ifPresent(zone -> fields.add("timezone: " + zone.getId()));
    policy.keepAwake().ifPresent(windows -> fields.add("keep_awake: " + windows(windows)));
    policy.keepAsleep().ifPresent(windows -> fields.add("keep_asleep: " + windows(windows)));
    policy
        .wakeIgnoredUserAgents()
        .ifPresent(
            agents -> fields.add("wake_ignored_user_agents: " + agents.expression().orElse("''")));
    policy
        .wakeIgnoredPaths()
        .ifPresent(paths -> fields.add("wake_ignored_paths: [" + globs(paths) + "]"));
    policy.busyProbe().ifPresent(path -> fields.add("busy_probe: " + path));
    policy.busyRetry().ifPresent(retry -> fields.add("busy_retry: " + Durations.format(retry)));
    policy
        .busyProbeTimeout()
        .ifPresent(timeout -> fields.add("busy_probe_timeout: " + Durations.format(timeout)));
    policy.prewarm().ifPresent(prewarm -> fields.add("prewarm: " + prewarm));
    policy.prewarmLead().ifPresent(lead -> fields.add("prewarm_lead: " + Durations.format(lead)));
    policy.costPerHour().ifPresent(cost -> fields.add("cost_per_hour: " + cost.toPlainString()));
    return fields;
  }

  private static String windows(List<Window> windows) {
    return windows.stream()
        .map(window -> window.from().expression() + " -> " + window.to().expression())
        .collect(Collectors.joining("; ", "[", "]"));
  }

  /** Each window of a rule in words, so that a mistaken field shows before the night comes. */
  private static void schedules(Lines lines, String rule, RulePolicy policy) {
    String zone = policy.timezone().map(ZoneId::getId).orElse("SCHEDULE_TIMEZONE");
    policy.keepAwake().ifPresent(windows -> describe(lines, rule + ".keep_awake", windows, zone));
    policy.keepAsleep().ifPresent(windows -> describe(lines, rule + ".keep_asleep", windows, zone));
  }

  private static void describe(Lines lines, String name, List<Window> windows, String zone) {
    for (int index = 0; index < windows.size(); index++) {
      Window window = windows.get(index);
      lines.add(
          name + "[" + index + "]",
          "from "
              + window.from().description()
              + " to "
              + window.to().description()
              + " ("
              + zone
              + ")");
    }
  }

  private static void localApps(Lines lines, List<LocalAppConfig> apps) {
    for (int index = 0; index < apps.size(); index++) {
      LocalAppConfig app = apps.get(index);
      lines.add(
          "local.apps[" + index + "]",
          "name: " + app.name() + ", port: " + app.port() + ", command: " + app.command());
    }
  }

  private static String redacted(Optional<Secret> secret) {
    return Secret.redacted(secret);
  }

  /** Collects lines; values are kept on one line each. */
  private static final class Lines {
    private final List<String> lines = new ArrayList<>();

    void add(String name, Object value) {
      String text =
          value instanceof Duration duration ? Durations.format(duration) : String.valueOf(value);
      lines.add(name + "=" + Variables.oneLine(text));
    }

    List<String> list() {
      return List.copyOf(lines);
    }
  }
}
