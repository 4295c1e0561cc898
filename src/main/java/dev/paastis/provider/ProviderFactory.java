package dev.paastis.provider;

import dev.paastis.config.ConfigException;
import dev.paastis.config.PaastisConfig;
import dev.paastis.provider.clevercloud.CleverCloudProvider;
import dev.paastis.provider.heroku.HerokuProvider;
import dev.paastis.provider.local.LocalProvider;
import dev.paastis.provider.scalingo.ScalingoProvider;
import io.vertx.core.Vertx;
import java.time.Clock;

/** The one place that maps a provider name to its implementation. */
public final class ProviderFactory {

  private ProviderFactory() {}

  /**
   * Creates the providers the configuration enables, in its order. The names were validated when
   * the configuration was loaded.
   */
  public static Providers create(Vertx vertx, PaastisConfig config) {
    return new Providers(
        config.providers().enabled().stream().map(name -> create(vertx, config, name)).toList());
  }

  private static Provider create(Vertx vertx, PaastisConfig config, String name) {
    return switch (name) {
      case "local" -> new LocalProvider(vertx, config.providers().local());
      case "heroku" ->
          new HerokuProvider(
              vertx,
              config.providers().heroku(),
              config.providers().regions(),
              config.scheduler().reconcileInterval(),
              Clock.systemUTC());
      case "scalingo" -> new ScalingoProvider(vertx, config.providers().scalingo());
      case "clever-cloud" ->
          new CleverCloudProvider(
              vertx,
              config.providers().clever(),
              config.providers().regions(),
              config.scheduler().reconcileInterval(),
              Clock.systemUTC());
      default ->
          throw new ConfigException(
              "unknown provider: " + name + " (expected: heroku, scalingo, clever-cloud, local)");
    };
  }
}
