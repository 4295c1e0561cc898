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
 * @param ownApps the apps of the enabled providers that Paastis itself runs as (at most one per
 *     provider), never registered nor stopped
 */
public record ProvidersConfig(
    List<String> enabled,
    List<String> regions,
    List<LocalAppConfig> localApps,
    Map<String, ProviderSettings> settings,
    List<OwnApp> ownApps) {

  public ProvidersConfig {
    enabled = List.copyOf(enabled);
    regions = List.copyOf(regions);
    localApps = List.copyOf(localApps);
    settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    ownApps = List.copyOf(ownApps);
  }

  /** Providers none of whose apps Paastis runs as. */
  public ProvidersConfig(
      List<String> enabled,
      List<String> regions,
      List<LocalAppConfig> localApps,
      Map<String, ProviderSettings> settings) {
    this(enabled, regions, localApps, settings, List.of());
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
