package dev.paastis.config;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds the {@link PaastisConfig} of one instance. Precedence, lowest first: defaults, the {@code
 * .env} file of the working directory, the environment, then overrides (CLI flags expressed by
 * variable name, such as PORT or START_AND_STOP_MAX_IDLE_TIME). {@code paastis.yml} (or the file
 * named by PAASTIS_CONFIG) adds rules and local apps.
 */
public final class ConfigLoader {

  private static final String DEFAULT_CONFIG_FILE = "paastis.yml";

  private final Map<String, String> environment;
  private final Path workingDirectory;
  private final List<ProviderSection> providerSections;

  /**
   * @param environment the process environment, usually {@code System.getenv()}
   * @param workingDirectory where {@code .env} and {@code paastis.yml} are looked for
   * @param providerSections how each remote provider reads its variables, in the order of {@code
   *     PROVIDER_NAME}'s accepted values (the composition root has the list)
   */
  public ConfigLoader(
      Map<String, String> environment,
      Path workingDirectory,
      List<ProviderSection> providerSections) {
    this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
    this.workingDirectory =
        Objects.requireNonNull(workingDirectory, "workingDirectory").toAbsolutePath().normalize();
    this.providerSections = List.copyOf(providerSections);
  }

  /** Same as {@link #load(Map, List)} with no extra local apps. */
  public PaastisConfig load(Map<String, String> overrides) {
    return load(overrides, List.of());
  }

  /**
   * @param overrides values that win over every other source; null values are ignored
   * @param extraLocalApps local apps added to those of {@code paastis.yml}
   * @throws ConfigException on the first bad value, with a one-line message
   */
  public PaastisConfig load(Map<String, String> overrides, List<LocalAppConfig> extraLocalApps) {
    Variables variables = new Variables(merge(Objects.requireNonNull(overrides, "overrides")));
    String displayName = variables.get("PAASTIS_CONFIG", DEFAULT_CONFIG_FILE);
    Optional<Path> file = configFile(variables);
    PaastisYml yml =
        file.map(
                path ->
                    PaastisYml.read(path, displayName, ProviderSelection.names(providerSections)))
            .orElse(PaastisYml.EMPTY);
    List<LocalAppConfig> localApps = LocalApps.join(yml.localApps(), extraLocalApps, displayName);
    return new PaastisConfig(
        EnvSections.server(variables),
        EnvSections.scheduler(variables),
        EnvSections.registry(variables),
        ProviderSelection.providers(variables, localApps, providerSections),
        EnvSections.hooks(variables),
        EnvSections.routing(variables),
        EnvSections.admin(variables),
        EnvSections.events(variables),
        EnvSections.logging(variables),
        EnvSections.policy(variables),
        yml.rules(),
        file);
  }

  /**
   * The variables of {@code .env} and the environment (the environment wins), blank ones left out.
   */
  public Map<String, String> variables() {
    Map<String, String> set = new HashMap<>(merge(Map.of()));
    set.values().removeIf(String::isBlank);
    return set;
  }

  private Map<String, String> merge(Map<String, String> overrides) {
    Map<String, String> merged = new HashMap<>(DotenvFile.read(workingDirectory.resolve(".env")));
    merged.putAll(environment);
    overrides.forEach(
        (name, value) -> {
          if (value != null) {
            merged.put(name, value);
          }
        });
    return merged;
  }

  /** The default file is optional; a file named by PAASTIS_CONFIG must exist. */
  private Optional<Path> configFile(Variables variables) {
    Optional<String> given = variables.get("PAASTIS_CONFIG");
    Path path = resolve(given.orElse(DEFAULT_CONFIG_FILE));
    if (Files.isRegularFile(path)) {
      return Optional.of(path);
    }
    if (given.isPresent()) {
      throw Variables.invalid(
          "PAASTIS_CONFIG", given.get(), "an existing file, and " + path + " is not one");
    }
    return Optional.empty();
  }

  private Path resolve(String file) {
    try {
      return workingDirectory.resolve(file).normalize();
    } catch (InvalidPathException e) {
      throw Variables.invalid("PAASTIS_CONFIG", file, "a file path (" + e.getReason() + ")");
    }
  }
}
