package dev.paastis.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which providers run and their settings.
 *
 * @param enabled provider names in the order they are consulted, chosen as DESIGN §6 says
 *     (PROVIDER_NAME, else the provider whose credentials are present; {@code local} added when
 *     local apps are declared); never empty
 * @param regions PROVIDER_REGION split on commas, empty for all regions
 * @param localApps the local provider's apps, declared in {@code paastis.yml} (or added by {@code
 *     paastis demo})
 * @param settings each remote provider's settings by name, in the order of the sections given to
 *     {@link ConfigLoader}; each provider's package reads and casts its own
 */
public record ProvidersConfig(
    List<String> enabled,
    List<String> regions,
    List<LocalAppConfig> localApps,
    Map<String, ProviderSettings> settings) {

  public ProvidersConfig {
    enabled = List.copyOf(enabled);
    regions = List.copyOf(regions);
    localApps = List.copyOf(localApps);
    settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
  }

  /** The settings of the provider of that name; fails when no section of that name was read. */
  public ProviderSettings settings(String name) {
    ProviderSettings found = settings.get(name);
    if (found == null) {
      throw new IllegalArgumentException("no settings were read for provider " + name);
    }
    return found;
  }
}
