package dev.paastis.provider.clevercloud;

import static java.time.temporal.ChronoUnit.SECONDS;

import dev.paastis.config.ConfigException;
import dev.paastis.config.OwnApp;
import dev.paastis.config.ProviderSettings;
import dev.paastis.config.Secret;
import dev.paastis.config.Variables;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The Clever Cloud provider: the four OAuth 1.0a secrets (PROVIDER_CLEVER_OAUTH_CONSUMER_KEY,
 * PROVIDER_CLEVER_OAUTH_CONSUMER_SECRET, PROVIDER_CLEVER_TOKEN, PROVIDER_CLEVER_SECRET), the API
 * host (PROVIDER_CLEVER_API_HOST), the signature method (PROVIDER_CLEVER_SIGNATURE, PLAINTEXT or
 * HMAC-SHA512), the organisations to narrow the listing to (PROVIDER_CLEVER_ORGANISATIONS) and
 * PROVIDER_CLEVER_OPERATION_TIMEOUT (60s).
 */
record CleverConfig(
    Optional<Secret> consumerKey,
    Optional<Secret> consumerSecret,
    Optional<Secret> token,
    Optional<Secret> secret,
    URI apiHost,
    String signatureMethod,
    List<String> organisations,
    Duration operationTimeout)
    implements ProviderSettings {

  /** The four OAuth secrets: all of them choose Clever Cloud when PROVIDER_NAME is not set. */
  static final List<String> CREDENTIALS =
      List.of(
          "PROVIDER_CLEVER_OAUTH_CONSUMER_KEY",
          "PROVIDER_CLEVER_OAUTH_CONSUMER_SECRET",
          "PROVIDER_CLEVER_TOKEN",
          "PROVIDER_CLEVER_SECRET");

  CleverConfig {
    organisations = List.copyOf(organisations);
  }

  /**
   * The app Paastis runs as when it runs in a Clever Cloud instance: APP_ID, the app's id ({@code
   * app_<uuid>}, the key this provider gives its apps). A value of another form is no Clever Cloud
   * app id.
   */
  static Optional<OwnApp> ownApp(Variables variables) {
    return variables
        .get("APP_ID")
        .filter(id -> id.startsWith("app_"))
        .map(id -> new OwnApp(CleverCloudProvider.NAME, id, "APP_ID"));
  }

  static boolean hasCredentials(Variables variables) {
    return CREDENTIALS.stream().allMatch(variables::isSet);
  }

  static CleverConfig read(Variables variables, boolean enabled) {
    CleverConfig clever =
        new CleverConfig(
            variables.secret(CREDENTIALS.get(0)),
            variables.secret(CREDENTIALS.get(1)),
            variables.secret(CREDENTIALS.get(2)),
            variables.secret(CREDENTIALS.get(3)),
            variables.url("PROVIDER_CLEVER_API_HOST", "https://api.clever-cloud.com"),
            variables.choice(
                "PROVIDER_CLEVER_SIGNATURE", "PLAINTEXT", List.of("PLAINTEXT", "HMAC-SHA512")),
            variables.list("PROVIDER_CLEVER_ORGANISATIONS"),
            variables.positiveDuration("PROVIDER_CLEVER_OPERATION_TIMEOUT", "60", SECONDS));
    if (enabled) {
      for (String name : CREDENTIALS) {
        if (!variables.isSet(name)) {
          throw new ConfigException(
              name
                  + " is not set: required when PROVIDER_NAME=clever-cloud (the four OAuth"
                  + " secrets: "
                  + String.join(", ", CREDENTIALS)
                  + ")");
        }
      }
    }
    return clever;
  }

  @Override
  public void describe(BiConsumer<String, Object> line) {
    line.accept("PROVIDER_CLEVER_API_HOST", apiHost.toString());
    line.accept(CREDENTIALS.get(0), Secret.redacted(consumerKey));
    line.accept(CREDENTIALS.get(1), Secret.redacted(consumerSecret));
    line.accept(CREDENTIALS.get(2), Secret.redacted(token));
    line.accept(CREDENTIALS.get(3), Secret.redacted(secret));
    line.accept("PROVIDER_CLEVER_SIGNATURE", signatureMethod);
    line.accept("PROVIDER_CLEVER_ORGANISATIONS", String.join(",", organisations));
    line.accept("PROVIDER_CLEVER_OPERATION_TIMEOUT", operationTimeout);
  }
}
