package dev.paastis.provider.scalingo;

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
 * The Scalingo provider: PROVIDER_SCALINGO_API_TOKEN (required when the provider runs), the regions
 * (PROVIDER_REGION, default osc-fr1), each region's API URL from PROVIDER_SCALINGO_API_URL ({@code
 * https://api.{region}.scalingo.com}; without the placeholder it serves one region),
 * PROVIDER_SCALINGO_AUTH_URL (https://auth.scalingo.com) and PROVIDER_SCALINGO_OPERATION_TIMEOUT
 * (30s).
 */
record ScalingoConfig(
    Optional<Secret> apiToken,
    List<String> regions,
    String apiUrlTemplate,
    URI authUrl,
    Duration operationTimeout)
    implements ProviderSettings {

  static final String TOKEN = "PROVIDER_SCALINGO_API_TOKEN";

  /**
   * The app Paastis runs as when it runs in a Scalingo container: Scalingo sets APP (the app's
   * name) and CONTAINER ({@code web-1}) in each. APP alone is too common a name to be taken for
   * Scalingo's.
   */
  static Optional<OwnApp> ownApp(Variables variables) {
    if (!variables.isSet("CONTAINER")) {
      return Optional.empty();
    }
    return variables.get("APP").map(app -> new OwnApp(ScalingoProvider.NAME, app, "APP"));
  }

  ScalingoConfig {
    regions = List.copyOf(regions);
  }

  /** The API base URL of a region, without a trailing slash. */
  URI apiUrl(String region) {
    return URI.create(apiUrlTemplate.replace("{region}", region));
  }

  static ScalingoConfig read(Variables variables, boolean enabled) {
    List<String> regions = variables.list("PROVIDER_REGION");
    if (regions.isEmpty()) {
      regions = List.of("osc-fr1");
    }
    String template =
        variables.urlTemplate("PROVIDER_SCALINGO_API_URL", "https://api.{region}.scalingo.com");
    ScalingoConfig scalingo =
        new ScalingoConfig(
            variables.secret(TOKEN),
            regions,
            template,
            variables.url("PROVIDER_SCALINGO_AUTH_URL", "https://auth.scalingo.com"),
            variables.positiveDuration("PROVIDER_SCALINGO_OPERATION_TIMEOUT", "30s", SECONDS));
    if (!enabled) {
      return scalingo;
    }
    if (scalingo.apiToken().isEmpty()) {
      throw new ConfigException(
          TOKEN
              + " is not set: required when PROVIDER_NAME=scalingo"
              + " (create one in the dashboard, User settings > API tokens)");
    }
    if (regions.size() > 1 && !template.contains("{region}")) {
      throw new ConfigException(
          "PROVIDER_SCALINGO_API_URL="
              + template
              + " serves one region but PROVIDER_REGION names "
              + regions.size()
              + ": expected a URL with {region}, or one region");
    }
    return scalingo;
  }

  @Override
  public void describe(BiConsumer<String, Object> line) {
    line.accept(TOKEN, Secret.redacted(apiToken));
    line.accept("PROVIDER_SCALINGO_API_URL", apiUrlTemplate);
    line.accept("PROVIDER_SCALINGO_AUTH_URL", authUrl.toString());
    line.accept("PROVIDER_SCALINGO_OPERATION_TIMEOUT", operationTimeout);
  }
}
