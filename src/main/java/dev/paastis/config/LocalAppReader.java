package dev.paastis.config;

import static java.time.temporal.ChronoUnit.SECONDS;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads {@code local: apps:} of {@code paastis.yml}; each app runs in the file's folder. */
final class LocalAppReader {

  private static final List<String> FIELDS =
      List.of("name", "command", "port", "health_path", "env", "stop_grace");
  // the app key is the first DNS label of the Host header, so a name must be one
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

  private LocalAppReader() {}

  static List<LocalAppConfig> read(YamlMapping top, Path folder) {
    Optional<JsonNode> local = top.field("local");
    if (local.isEmpty()) {
      return List.of();
    }
    YamlMapping section = YamlMapping.of(top.file(), "local", local.get(), List.of("apps"));
    List<JsonNode> items = section.list("apps");
    List<LocalAppConfig> apps = new ArrayList<>();
    for (int index = 0; index < items.size(); index++) {
      String place = section.child("apps", index);
      apps.add(app(YamlMapping.of(top.file(), place, items.get(index), FIELDS), folder));
    }
    return List.copyOf(apps);
  }

  private static LocalAppConfig app(YamlMapping yml, Path folder) {
    return new LocalAppConfig(
        name(yml),
        yml.required("command"),
        port(yml),
        healthPath(yml),
        env(yml),
        stopGrace(yml),
        folder);
  }

  private static String name(YamlMapping yml) {
    String name = yml.required("name");
    if (!DNS_LABEL.matcher(name).matches()) {
      throw yml.invalid(
          "name",
          name,
          "a DNS label: 1 to 63 lowercase letters, digits or '-', not starting or ending with '-'");
    }
    return name;
  }

  private static int port(YamlMapping yml) {
    String port = yml.required("port");
    try {
      int number = Integer.parseInt(port);
      if (number >= 1 && number <= 65535) {
        return number;
      }
    } catch (NumberFormatException notANumber) {
      // reported below, with the out-of-range ports
    }
    throw yml.invalid("port", port, "a port number from 1 to 65535");
  }

  private static String healthPath(YamlMapping yml) {
    String path = yml.text("health_path").orElse("/");
    if (!path.startsWith("/")) {
      throw yml.invalid("health_path", path, "a path starting with /");
    }
    return path;
  }

  /** YAML scalars become their text; a null value is the empty string. Values are never shown. */
  private static Map<String, String> env(YamlMapping yml) {
    Optional<JsonNode> env = yml.field("env");
    if (env.isEmpty()) {
      return Map.of();
    }
    if (!env.get().isObject()) {
      throw yml.notValid("env", "a mapping of variable names to values");
    }
    Map<String, String> variables = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : env.get().properties()) {
      JsonNode value = entry.getValue();
      if (!value.isValueNode()) {
        throw yml.notValid("env." + entry.getKey(), "a single value");
      }
      variables.put(entry.getKey(), value.isNull() ? "" : value.asText());
    }
    return variables;
  }

  private static Duration stopGrace(YamlMapping yml) {
    return yml.text("stop_grace")
        .map(
            text ->
                Durations.tryParse(text, SECONDS)
                    .orElseThrow(
                        () -> yml.invalid("stop_grace", text, Durations.accepted(SECONDS))))
        .orElse(Duration.ofSeconds(10));
  }
}
