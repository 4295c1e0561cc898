package dev.paastis.provider.heroku;

import static java.time.temporal.ChronoUnit.SECONDS;

import dev.paastis.config.ConfigException;
import dev.paastis.config.ProviderSettings;
import dev.paastis.config.Secret;
import dev.paastis.config.Variables;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The Heroku provider: PROVIDER_HEROKU_API_TOKEN (required when the provider runs),
 * PROVIDER_HEROKU_API_URL (https://api.heroku.com) and PROVIDER_HEROKU_OPERATION_TIMEOUT (30s).
 */
record HerokuConfig(Optional<Secret> apiToken, URI apiUrl, Duration operationTimeout)
    implements ProviderSettings {

  static final String TOKEN = "PROVIDER_HEROKU_API_TOKEN";

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
