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
import dev.paastis.provider.plugin.InstalledPlugins;
import dev.paastis.provider.plugin.PluginSettings;
import dev.paastis.provider.render.RenderProvider;
import dev.paastis.provider.scalingo.ScalingoProvider;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one place that maps a provider name to its implementation. It lives in the composition root,
 * not in {@code provider}, so that the seam does not import the packages that implement it.
 */
public final class ProviderChoice {

  /** The built-in providers' sections, in the order of PROVIDER_NAME's accepted values. */
  private static final List<ProviderSection> BUILT_IN =
      List.of(
          HerokuProvider.section(),
          ScalingoProvider.section(),
          CleverCloudProvider.section(),
          RenderProvider.section(),
          KubernetesProvider.section(),
          LocalProvider.section());

  private ProviderChoice() {}

  /**
   * A {@link ConfigLoader} that knows every provider's variables, those of the provider plugins on
   * the class path ({@link InstalledPlugins#onClassPath}) included: the one to use, since {@code
   * config} knows no provider.
   *
   * @param environment the process environment, usually {@code System.getenv()}
   * @param workingDirectory where {@code .env} and {@code paastis.yml} are looked for
   */
  public static ConfigLoader configLoader(Map<String, String> environment, Path workingDirectory) {
    List<String> builtIn = BUILT_IN.stream().map(ProviderSection::name).toList();
    List<ProviderSection> sections = new ArrayList<>(BUILT_IN);
    sections.addAll(InstalledPlugins.onClassPath(builtIn).sections());
    return new ConfigLoader(environment, workingDirectory, sections);
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

  /** A provider plugin's: its settings carry the plugin that read them. */
  private static Provider plugin(Vertx vertx, PaastisConfig config, String name, Clock clock) {
    if (config.providers().settings(name) instanceof PluginSettings settings) {
      return InstalledPlugins.create(settings, vertx, clock, config.providers().regions());
    }
    throw new ConfigException("unknown provider: " + name);
  }

  private static Provider create(Vertx vertx, PaastisConfig config, String name, Clock clock) {
    return switch (name) {
      case "local" -> LocalProvider.create(vertx, config, clock);
      case "heroku" -> HerokuProvider.create(vertx, config, clock);
      case "scalingo" -> ScalingoProvider.create(vertx, config, clock);
      case "clever-cloud" -> CleverCloudProvider.create(vertx, config, clock);
      case "render" -> RenderProvider.create(vertx, config, clock);
      case "kubernetes" -> KubernetesProvider.create(vertx, config, clock);
      default -> plugin(vertx, config, name, clock);
    };
  }
}
