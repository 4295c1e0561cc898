package dev.paastis.provider.heroku;

import static java.time.temporal.ChronoUnit.SECONDS;

import dev.paastis.config.ConfigException;
import dev.paastis.config.OwnApp;
import dev.paastis.config.ProviderSettings;
import dev.paastis.config.Secret;
import dev.paastis.config.Variables;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Heroku provider: PROVIDER_HEROKU_API_TOKEN (required when the provider runs),
 * PROVIDER_HEROKU_API_URL (https://api.heroku.com) and PROVIDER_HEROKU_OPERATION_TIMEOUT (30s).
 */
record HerokuConfig(Optional<Secret> apiToken, URI apiUrl, Duration operationTimeout)
    implements ProviderSettings {

  static final String TOKEN = "PROVIDER_HEROKU_API_TOKEN";

  /** Set in every dyno by the runtime-dyno-metadata labs feature: the app's name. */
  static final String APP_NAME = "HEROKU_APP_NAME";

  private static final Logger LOG = LoggerFactory.getLogger(HerokuConfig.class);

  /**
   * The app Paastis runs as when it runs in a Heroku dyno with dyno metadata on. Without it, Heroku
   * sets DYNO alone, which names no app: Paastis says so once, as it may then stop itself.
   */
  static Optional<OwnApp> ownApp(Variables variables) {
    Optional<String> name = variables.get(APP_NAME);
    if (name.isEmpty() && variables.isSet("DYNO")) {
      LOG.warn(
          "Paastis runs in a Heroku dyno ({}) but {} is not set, so it cannot tell which app is"
              + " its own and could stop itself: turn on dyno metadata (`heroku labs:enable"
              + " runtime-dyno-metadata -a <this app>`, then deploy again) or list this app in"
              + " REGISTRY_IGNORED_APPS",
          variables.get("DYNO").orElse(""),
          APP_NAME);
    }
    return name.map(app -> new OwnApp(HerokuProvider.NAME, app, APP_NAME));
  }

  static HerokuConfig read(Variables variables, boolean enabled) {
    HerokuConfig heroku =
        new HerokuConfig(
            variables.secret(TOKEN),
            variables.url("PROVIDER_HEROKU_API_URL", "https://api.heroku.com"),
            variables.positiveDuration("PROVIDER_HEROKU_OPERATION_TIMEOUT", "30s", SECONDS));
    if (enabled && heroku.apiToken().isEmpty()) {
      throw new ConfigException(
          TOKEN
              + " is not set: required when PROVIDER_NAME=heroku"
              + " (create one with `heroku authorizations:create`)");
    }
    return heroku;
  }

  @Override
  public void describe(BiConsumer<String, Object> line) {
    line.accept(TOKEN, Secret.redacted(apiToken));
    line.accept("PROVIDER_HEROKU_API_URL", apiUrl.toString());
    line.accept("PROVIDER_HEROKU_OPERATION_TIMEOUT", operationTimeout);
  }
}
