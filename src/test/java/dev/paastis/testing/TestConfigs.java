package dev.paastis.testing;

import dev.paastis.app.Rule;
import dev.paastis.app.SleepPolicy;
import dev.paastis.config.AdminConfig;
import dev.paastis.config.EventsConfig;
import dev.paastis.config.HooksConfig;
import dev.paastis.config.LocalAppConfig;
import dev.paastis.config.LogFormat;
import dev.paastis.config.LoggingConfig;
import dev.paastis.config.OwnApp;
import dev.paastis.config.PaastisConfig;
import dev.paastis.config.ProvidersConfig;
import dev.paastis.config.ProxyTimeouts;
import dev.paastis.config.RegistryConfig;
import dev.paastis.config.RoutingConfig;
import dev.paastis.config.SchedulerConfig;
import dev.paastis.config.Secret;
import dev.paastis.config.ServerConfig;
import dev.paastis.config.WakeStrategy;
import dev.paastis.policy.CronSchedule;
import dev.paastis.provider.local.LocalSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Configurations for tests: loopback, ephemeral port, a cron that never fires during a test. */
public final class TestConfigs {

  public Duration maxIdleTime = Duration.ofMinutes(15);
  public List<Rule> rules = new ArrayList<>();

  /** The sleep policy of apps no rule overrides: UTC, no request ignored. */
  public SleepPolicy.Defaults policy = SleepPolicy.Defaults.NONE;

  public List<String> ignoredApps = new ArrayList<>();

  /** The apps Paastis runs as, as the platforms' variables would name them. */
  public List<OwnApp> ownApps = new ArrayList<>();

  public HooksConfig hooks = HooksConfig.none();
  public WakeStrategy wakeStrategy = WakeStrategy.AUTO;
  public List<String> providers = new ArrayList<>(List.of("fake"));
  public List<LocalAppConfig> localApps = new ArrayList<>();
  public Duration localOperationTimeout = Duration.ofSeconds(30);
  public String cron = "0 0 1 1 *";
  public Optional<String> systemApiToken = Optional.empty();

  /** The admin listener, on a free port, when a token is set. */
  public Optional<String> adminToken = Optional.empty();

  public boolean metricsPublic = false;

  public ProxyTimeouts timeouts = ProxyTimeouts.DEFAULTS;

  /** Zero: a test's stop cuts what is left at once, as before graceful stops existed. */
  public Duration shutdownGrace = Duration.ZERO;

  /** In memory when empty; else the Redis registry at that URL. */
  public Optional<String> redisUrl = Optional.empty();

  public String redisKeyPrefix = RegistryConfig.DEFAULT_KEY_PREFIX;

  /** The in-memory event store when empty; else PostgreSQL at that URL. */
  public Optional<String> databaseUrl = Optional.empty();

  public PaastisConfig build() {
    return new PaastisConfig(
        new ServerConfig("127.0.0.1", 0, timeouts, shutdownGrace),
        new SchedulerConfig(CronSchedule.parse(cron), maxIdleTime, Duration.ofMinutes(10)),
        redisUrl
            .map(
                url ->
                    new RegistryConfig(
                        "redis", ignoredApps, Optional.of(new Secret(url)), true, redisKeyPrefix))
            .orElse(RegistryConfig.of("in-memory", ignoredApps)),
        new ProvidersConfig(
            providers,
            List.of(),
            localApps,
            Map.of("local", new LocalSettings(localOperationTimeout)),
            ownApps),
        hooks,
        new RoutingConfig(
            systemApiToken.isPresent(), systemApiToken.map(Secret::new), wakeStrategy),
        new AdminConfig(
            adminToken.isPresent(), "127.0.0.1", 0, adminToken.map(Secret::new), metricsPublic),
        databaseUrl
            .map(
                url ->
                    new EventsConfig(
                        "postgres",
                        Optional.of(new Secret(url)),
                        1000,
                        EventsConfig.DEFAULT_BUFFER_CAPACITY,
                        Duration.ofDays(3650)))
            .orElse(EventsConfig.inMemory(1000)),
        new LoggingConfig("INFO", LogFormat.PRETTY),
        policy,
        rules,
        Optional.empty());
  }
}
