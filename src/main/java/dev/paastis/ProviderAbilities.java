package dev.paastis;

import dev.paastis.app.Rule;
import dev.paastis.app.Rules;
import dev.paastis.config.ConfigException;
import dev.paastis.config.PaastisConfig;
import dev.paastis.provider.CredentialsRejectedException;
import dev.paastis.provider.HostAliases;
import dev.paastis.provider.Provider;
import dev.paastis.provider.Providers;
import dev.paastis.provider.RouterPages;
import dev.paastis.provider.StartupCheck;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the root takes from the optional abilities of the providers ({@link StartupCheck}, {@link
 * HostAliases}, {@link RouterPages}), checked with {@code instanceof} on the raw providers, not on
 * their metered wrappers.
 */
final class ProviderAbilities {

  private static final Logger LOG = LoggerFactory.getLogger(Paastis.class);

  private ProviderAbilities() {}

  /**
   * Checks the providers' credentials: a rejected credential fails with a {@link ConfigException}
   * (Paastis does not start); an unreachable provider is only logged, and retried at each tick.
   */
  static Future<Void> verifyCredentials(Providers providers) {
    List<Future<Void>> checks =
        providers.all().stream()
            .filter(StartupCheck.class::isInstance)
            .map(
                provider ->
                    ((StartupCheck) provider).verify().recover(ProviderAbilities::onlyRejections))
            .toList();
    return Future.all(checks).mapEmpty();
  }

  /**
   * The rules of paastis.yml after the providers' host rules, so that the file may override them,
   * with the configured idle time for apps no rule names.
   */
  static Rules rules(Providers providers, PaastisConfig config) {
    List<Rule> hostRules =
        providers.all().stream()
            .filter(HostAliases.class::isInstance)
            .flatMap(provider -> ((HostAliases) provider).hostRules().stream())
            .toList();
    return new Rules(
        Stream.concat(hostRules.stream(), config.rules().stream()).toList(),
        config.scheduler().maxIdleTime(),
        config.policy());
  }

  /** The router pages of the providers that describe theirs ({@link RouterPages}), by name. */
  static Map<String, RouterPages> routerPages(Providers providers) {
    return providers.all().stream()
        .filter(RouterPages.class::isInstance)
        .collect(Collectors.toMap(Provider::name, provider -> (RouterPages) provider));
  }

  private static Future<Void> onlyRejections(Throwable failure) {
    if (failure instanceof CredentialsRejectedException) {
      return Future.failedFuture(new ConfigException(failure.getMessage()));
    }
    LOG.warn("could not check a provider's credentials at startup: {}", failure.getMessage());
    return Future.succeededFuture();
  }
}
