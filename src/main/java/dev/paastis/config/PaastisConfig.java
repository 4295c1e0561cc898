package dev.paastis.config;

import dev.paastis.app.Rule;
import dev.paastis.app.SleepPolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The whole, validated configuration of one Paastis instance. Built by {@link ConfigLoader} from
 * defaults, {@code .env}, the environment, CLI flags and {@code paastis.yml}.
 *
 * @param policy the sleep policy of apps no rule overrides: the zone of schedules, the requests
 *     that do not wake an app
 * @param configFile the {@code paastis.yml} that was read, empty when there was none
 */
public record PaastisConfig(
    ServerConfig server,
    SchedulerConfig scheduler,
    RegistryConfig registry,
    ProvidersConfig providers,
    HooksConfig hooks,
    RoutingConfig routing,
    AdminConfig admin,
    EventsConfig events,
    LoggingConfig logging,
    SleepPolicy.Defaults policy,
    List<Rule> rules,
    Optional<Path> configFile) {

  public PaastisConfig {
    rules = List.copyOf(rules);
  }
}
