package dev.paastis.config;

import java.util.List;

/**
 * Which providers run and their settings.
 *
 * @param enabled provider names in the order they are consulted, chosen as DESIGN §6 says
 *     (PROVIDER_NAME, else the provider whose credentials are present; {@code local} added when
 *     local apps are declared); never empty
 * @param regions PROVIDER_REGION split on commas, empty for all regions
 * @param local the local provider's apps
 * @param heroku the Heroku provider's settings
 * @param scalingo the Scalingo provider's settings
 * @param clever the Clever Cloud provider's settings
 */
public record ProvidersConfig(
    List<String> enabled,
    List<String> regions,
    LocalProviderConfig local,
    HerokuConfig heroku,
    ScalingoConfig scalingo,
    CleverConfig clever) {

  public ProvidersConfig {
    enabled = List.copyOf(enabled);
    regions = List.copyOf(regions);
  }
}
