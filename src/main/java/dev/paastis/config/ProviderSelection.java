package dev.paastis.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses the providers that run, as DESIGN §6 says: PROVIDER_NAME when set, otherwise the provider
 * whose credentials are present (Heroku first, the original's default), and {@code local} beside it
 * whenever local apps are declared. Each provider's own variables are read by its section.
 */
final class ProviderSelection {

  static final List<String> NAMES =
      List.of("heroku", "scalingo", "clever-cloud", "kubernetes", "local");

  private ProviderSelection() {}

  /**
   * @param sections the providers' sections, in the order of {@link #NAMES}: that order chooses
   *     between providers whose credentials are all present
   */
  static ProvidersConfig providers(
      Variables variables, List<LocalAppConfig> localApps, List<ProviderSection> sections) {
    List<String> enabled = enabled(variables, !localApps.isEmpty(), sections);
    Map<String, ProviderSettings> settings = new LinkedHashMap<>();
    List<OwnApp> ownApps = new ArrayList<>();
    for (ProviderSection section : sections) {
      boolean runs = enabled.contains(section.name());
      settings.put(section.name(), section.reader().read(variables, runs));
      if (runs) {
        section.ownApp().apply(variables).ifPresent(ownApps::add);
      }
    }
    return new ProvidersConfig(
        enabled, variables.list("PROVIDER_REGION"), localApps, settings, ownApps);
  }

  private static List<String> enabled(
      Variables variables, boolean hasLocalApps, List<ProviderSection> sections) {
    Optional<String> primary = primary(variables, sections);
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

  private static Optional<String> primary(Variables variables, List<ProviderSection> sections) {
    if (variables.isSet("PROVIDER_NAME")) {
      return Optional.of(variables.choice("PROVIDER_NAME", "", NAMES));
    }
    return sections.stream()
        .filter(section -> section.hasCredentials().test(variables))
        .map(ProviderSection::name)
        .findFirst();
  }
}
