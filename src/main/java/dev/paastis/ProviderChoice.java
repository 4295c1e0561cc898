package dev.paastis;

import dev.paastis.config.ConfigException;
import dev.paastis.config.PaastisConfig;
import dev.paastis.provider.Provider;
import dev.paastis.provider.Providers;
import dev.paastis.provider.clevercloud.CleverCloudProvider;
import dev.paastis.provider.heroku.HerokuProvider;
import dev.paastis.provider.local.LocalProvider;
import dev.paastis.provider.scalingo.ScalingoProvider;
import io.vertx.core.Vertx;
import java.time.Clock;

/**
 * The one place that maps a provider name to its implementation. It lives in the composition root,
 * not in {@code provider}, so that the seam does not import the packages that implement it.
 */
final class ProviderChoice {

  private ProviderChoice() {}

  /**
   * Creates the providers the configuration enables, in its order, all on the given clock. The
   * names were validated when the configuration was loaded.
   */
  static Providers create(Vertx vertx, PaastisConfig config, Clock clock) {
    return new Providers(
        config.providers().enabled().stream()
            .map(name -> create(vertx, config, name, clock))
            .toList());
  }

  private static Provider create(Vertx vertx, PaastisConfig config, String name, Clock clock) {
    return switch (name) {
      case "local" -> new LocalProvider(vertx, config.providers().local());
      case "heroku" ->
          new HerokuProvider(
              vertx,
              config.providers().heroku(),
              config.providers().regions(),
              config.scheduler().reconcileInterval(),
              clock);
      case "scalingo" -> new ScalingoProvider(vertx, config.providers().scalingo(), clock);
      case "clever-cloud" ->
          new CleverCloudProvider(
              vertx,
              config.providers().clever(),
              config.providers().regions(),
              config.scheduler().reconcileInterval(),
              clock);
      default ->
          throw new ConfigException(
              "unknown provider: " + name + " (expected: heroku, scalingo, clever-cloud, local)");
    };
  }
}
