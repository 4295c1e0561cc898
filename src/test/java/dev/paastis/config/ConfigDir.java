package dev.paastis.config;

import dev.paastis.ProviderChoice;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A working directory for loader tests: files, an environment, then a load. */
final class ConfigDir {

  final Path path;
  private final Map<String, String> environment = new HashMap<>();

  ConfigDir(Path path) {
    this.path = path;
  }

  ConfigDir file(String name, String content) {
    try {
      Path file = path.resolve(name);
      Files.createDirectories(file.getParent());
      Files.writeString(file, content);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  ConfigDir env(String name, String value) {
    environment.put(name, value);
    return this;
  }

  /** A provider is set so that loading does not fail for want of one. */
  ConfigDir withProvider() {
    return env("PROVIDER_NAME", "heroku").env("PROVIDER_HEROKU_API_TOKEN", "test-token");
  }

  PaastisConfig load() {
    return load(Map.of());
  }

  PaastisConfig load(Map<String, String> overrides) {
    return loader().load(overrides);
  }

  PaastisConfig load(List<LocalAppConfig> extraLocalApps) {
    return loader().load(Map.of(), extraLocalApps);
  }

  /** The message of the ConfigException that loading throws. */
  String error() {
    return error(List.of());
  }

  String error(List<LocalAppConfig> extraLocalApps) {
    try {
      loader().load(Map.of(), extraLocalApps);
    } catch (ConfigException e) {
      return e.getMessage();
    }
    throw new AssertionError("loading did not fail");
  }

  private ConfigLoader loader() {
    return ProviderChoice.configLoader(environment, path);
  }
}
