package dev.paastis.config;

import dev.paastis.app.Rule;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The whole, validated configuration of one Paastis instance. Built by {@link ConfigLoader} from
 * defaults, {@code .env}, the environment, CLI flags and {@code paastis.yml}.
 *
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
    List<Rule> rules,
    Optional<Path> configFile) {

  public PaastisConfig {
    rules = List.copyOf(rules);
  }
}
