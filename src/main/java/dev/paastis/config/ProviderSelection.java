package dev.paastis.config;

import static java.time.temporal.ChronoUnit.SECONDS;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the providers that run, as DESIGN §6 says: PROVIDER_NAME when set, otherwise the provider
 * whose credentials are present (Heroku first, the original's default), and {@code local} beside it
 * whenever local apps are declared.
 */
final class ProviderSelection {

  static final List<String> NAMES = List.of("heroku", "scalingo", "clever-cloud", "local");

  private static final List<String> CLEVER_CREDENTIALS =
      List.of(
          "PROVIDER_CLEVER_OAUTH_CONSUMER_KEY",
          "PROVIDER_CLEVER_OAUTH_CONSUMER_SECRET",
          "PROVIDER_CLEVER_TOKEN",
          "PROVIDER_CLEVER_SECRET");

  private ProviderSelection() {}

  static ProvidersConfig providers(Variables variables, List<LocalAppConfig> localApps) {
    LocalProviderConfig local =
        new LocalProviderConfig(
            variables.positiveDuration("PROVIDER_LOCAL_OPERATION_TIMEOUT", "30s", SECONDS),
            localApps);
    List<String> enabled = enabled(variables, !localApps.isEmpty());
    HerokuConfig heroku =
        new HerokuConfig(
            variables.secret("PROVIDER_HEROKU_API_TOKEN"),
            variables.url("PROVIDER_HEROKU_API_URL", "https://api.heroku.com"),
            variables.positiveDuration("PROVIDER_HEROKU_OPERATION_TIMEOUT", "30s", SECONDS));
    if (enabled.contains("heroku") && heroku.apiToken().isEmpty()) {
      throw new ConfigException(
          "PROVIDER_HEROKU_API_TOKEN is not set: required when PROVIDER_NAME=heroku"
              + " (create one with `heroku authorizations:create`)");
    }
    return new ProvidersConfig(
        enabled,
        variables.list("PROVIDER_REGION"),
        local,
        heroku,
        scalingo(variables, enabled),
        clever(variables, enabled));
  }

  private static CleverConfig clever(Variables variables, List<String> enabled) {
    CleverConfig clever =
        new CleverConfig(
            variables.secret("PROVIDER_CLEVER_OAUTH_CONSUMER_KEY"),
            variables.secret("PROVIDER_CLEVER_OAUTH_CONSUMER_SECRET"),
            variables.secret("PROVIDER_CLEVER_TOKEN"),
            variables.secret("PROVIDER_CLEVER_SECRET"),
            variables.url("PROVIDER_CLEVER_API_HOST", "https://api.clever-cloud.com"),
            variables.choice(
                "PROVIDER_CLEVER_SIGNATURE", "PLAINTEXT", List.of("PLAINTEXT", "HMAC-SHA512")),
            variables.list("PROVIDER_CLEVER_ORGANISATIONS"),
            variables.positiveDuration("PROVIDER_CLEVER_OPERATION_TIMEOUT", "60", SECONDS));
    if (enabled.contains("clever-cloud")) {
      for (String name : CLEVER_CREDENTIALS) {
        if (!variables.isSet(name)) {
          throw new ConfigException(
              name
                  + " is not set: required when PROVIDER_NAME=clever-cloud (the four OAuth"
                  + " secrets: "
                  + String.join(", ", CLEVER_CREDENTIALS)
                  + ")");
        }
      }
    }
    return clever;
  }

  private static ScalingoConfig scalingo(Variables variables, List<String> enabled) {
    List<String> regions = variables.list("PROVIDER_REGION");
    if (regions.isEmpty()) {
      regions = List.of("osc-fr1");
    }
    String template =
        variables.urlTemplate("PROVIDER_SCALINGO_API_URL", "https://api.{region}.scalingo.com");
    ScalingoConfig scalingo =
        new ScalingoConfig(
            variables.secret("PROVIDER_SCALINGO_API_TOKEN"),
            regions,
            template,
            variables.url("PROVIDER_SCALINGO_AUTH_URL", "https://auth.scalingo.com"),
            variables.positiveDuration("PROVIDER_SCALINGO_OPERATION_TIMEOUT", "30s", SECONDS));
    if (!enabled.contains("scalingo")) {
      return scalingo;
    }
    if (scalingo.apiToken().isEmpty()) {
      throw new ConfigException(
          "PROVIDER_SCALINGO_API_TOKEN is not set: required when PROVIDER_NAME=scalingo"
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

  private static List<String> enabled(Variables variables, boolean hasLocalApps) {
    Optional<String> primary = primary(variables);
    if (primary.isEmpty() && !hasLocalApps) {
      throw new ConfigException(
          "PROVIDER_NAME is not set and no provider credentials or local apps were found:"
              + " expected "
              + Variables.oneOf(NAMES));
    }
    if (primary.equals(Optional.of("local")) && !hasLocalApps) {
      throw new ConfigException(
          "PROVIDER_NAME=local but no local apps were found:"
              + " local apps are declared in paastis.yml under 'local: apps:'");
    }
    List<String> enabled = new ArrayList<>(primary.stream().toList());
    if (hasLocalApps && !enabled.contains("local")) {
      enabled.add("local");
    }
    return enabled;
  }

  private static Optional<String> primary(Variables variables) {
    if (variables.isSet("PROVIDER_NAME")) {
      return Optional.of(variables.choice("PROVIDER_NAME", "", NAMES));
    }
    if (variables.isSet("PROVIDER_HEROKU_API_TOKEN")) {
      return Optional.of("heroku");
    }
    if (variables.isSet("PROVIDER_SCALINGO_API_TOKEN")) {
      return Optional.of("scalingo");
    }
    if (CLEVER_CREDENTIALS.stream().allMatch(variables::isSet)) {
      return Optional.of("clever-cloud");
    }
    return Optional.empty();
  }
}
