package dev.paastis;

import dev.paastis.config.ConfigException;
import dev.paastis.config.ConfigLoader;
import dev.paastis.config.PaastisConfig;
import dev.paastis.config.ProviderSection;
import dev.paastis.provider.Provider;
import dev.paastis.provider.Providers;
import dev.paastis.provider.clevercloud.CleverCloudProvider;
import dev.paastis.provider.heroku.HerokuProvider;
import dev.paastis.provider.kubernetes.KubernetesProvider;
import dev.paastis.provider.local.LocalProvider;
import dev.paastis.provider.scalingo.ScalingoProvider;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The one place that maps a provider name to its implementation. It lives in the composition root,
 * not in {@code provider}, so that the seam does not import the packages that implement it.
 */
public final class ProviderChoice {

  /** The providers' sections, in the order of PROVIDER_NAME's accepted values. */
  private static final List<ProviderSection> SECTIONS =
      List.of(
          HerokuProvider.section(),
          ScalingoProvider.section(),
          CleverCloudProvider.section(),
          KubernetesProvider.section(),
          LocalProvider.section());

  private ProviderChoice() {}

  /**
   * A {@link ConfigLoader} that knows every provider's variables: the one to use, since {@code
   * config} knows no provider.
   *
   * @param environment the process environment, usually {@code System.getenv()}
   * @param workingDirectory where {@code .env} and {@code paastis.yml} are looked for
   */
  public static ConfigLoader configLoader(Map<String, String> environment, Path workingDirectory) {
    return new ConfigLoader(environment, workingDirectory, SECTIONS);
  }

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
      case "local" -> LocalProvider.create(vertx, config, clock);
      case "heroku" -> HerokuProvider.create(vertx, config, clock);
      case "scalingo" -> ScalingoProvider.create(vertx, config, clock);
      case "clever-cloud" -> CleverCloudProvider.create(vertx, config, clock);
      case "kubernetes" -> KubernetesProvider.create(vertx, config, clock);
      default ->
          throw new ConfigException(
              "unknown provider: "
                  + name
                  + " (expected: heroku, scalingo, clever-cloud, kubernetes, local)");
    };
  }
}
