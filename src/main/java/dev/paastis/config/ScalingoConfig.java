package dev.paastis.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The Scalingo provider: PROVIDER_SCALINGO_API_TOKEN (required when the provider runs), the regions
 * (PROVIDER_REGION, default osc-fr1), each region's API URL from PROVIDER_SCALINGO_API_URL ({@code
 * https://api.{region}.scalingo.com}; without the placeholder it serves one region),
 * PROVIDER_SCALINGO_AUTH_URL (https://auth.scalingo.com) and PROVIDER_SCALINGO_OPERATION_TIMEOUT
 * (30s).
 */
public record ScalingoConfig(
    Optional<Secret> apiToken,
    List<String> regions,
    String apiUrlTemplate,
    URI authUrl,
    Duration operationTimeout) {

  public ScalingoConfig {
    regions = List.copyOf(regions);
  }

  /** The API base URL of a region, without a trailing slash. */
  public URI apiUrl(String region) {
    return URI.create(apiUrlTemplate.replace("{region}", region));
  }
}
