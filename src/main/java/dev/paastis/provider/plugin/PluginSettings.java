package dev.paastis.provider.plugin;

import static java.time.temporal.ChronoUnit.SECONDS;

import dev.paastis.config.ConfigException;
import dev.paastis.config.ProviderSettings;
import dev.paastis.config.Secret;
import dev.paastis.config.Variables;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The checked values of a {@link ProviderPlugin}'s variables, read with the rest of the
 * configuration. Each accessor returns the value of a declared variable of its kind; a variable not
 * set and without default has no value ({@link #isSet}).
 */
public final class PluginSettings implements ProviderSettings {

  private final ProviderPlugin plugin;
  private final Map<String, PluginVariable> declared = new LinkedHashMap<>();
  private final Map<String, Object> values = new LinkedHashMap<>();

  private PluginSettings(ProviderPlugin plugin) {
    this.plugin = plugin;
    plugin.variables().forEach(variable -> declared.put(variable.name(), variable));
  }

  /**
   * Reads and checks the plugin's variables.
   *
   * @param enabled whether the plugin runs: then a required variable not set is a {@link
   *     ConfigException} naming it
   */
  static PluginSettings read(ProviderPlugin plugin, Variables variables, boolean enabled) {
    PluginSettings settings = new PluginSettings(plugin);
    for (PluginVariable variable : plugin.variables()) {
      String name = variable.name();
      if (variables.isSet(name) || variable.fallback().isPresent()) {
        settings.values.put(name, value(variable, variables));
      } else if (variable.required() && enabled) {
        throw new ConfigException(
            name
                + " is not set: required when PROVIDER_NAME="
                + plugin.name()
                + " ("
                + variable.description()
                + ")");
      }
    }
    return settings;
  }

  /**
   * The settings of a plugin as Paastis would read them from these variables with {@code
   * PROVIDER_NAME} naming the plugin: for the plugin's own tests.
   *
   * @throws ConfigException when a value is not accepted or a required variable is missing
   */
  public static PluginSettings of(ProviderPlugin plugin, Map<String, String> variables) {
    return read(plugin, new Variables(variables), true);
  }

  /** Parsed as Paastis parses its own variables, so a plugin's get the same messages. */
  private static Object value(PluginVariable variable, Variables variables) {
    String name = variable.name();
    String given = variables.get(name).or(variable::fallback).orElseThrow();
    Variables one = new Variables(Map.of(name, given));
    return switch (variable.kind()) {
      case TEXT -> given;
      case SECRET -> new Secret(given);
      case URL -> one.url(name, variable.fallback().orElse("https://api.example.com"));
      case DURATION -> one.positiveDuration(name, given, SECONDS);
      case INTEGER -> one.positiveInteger(name, 1);
      case BOOLEAN -> one.bool(name, false);
      case LIST -> one.list(name);
    };
  }

  /** The plugin that read these settings, and creates its provider from them. */
  ProviderPlugin plugin() {
    return plugin;
  }

  /** Whether the variable has a value: set, or declared with a default. */
  public boolean isSet(String name) {
    declaration(name);
    return values.containsKey(name);
  }

  /** The value of a TEXT variable; fails when it has none ({@link #isSet}). */
  public String text(String name) {
    return value(name, PluginVariable.Kind.TEXT, String.class);
  }

  /** The secret's value: the plugin's to keep out of logs and messages. */
  public String secret(String name) {
    return value(name, PluginVariable.Kind.SECRET, Secret.class).value();
  }

  /** The value of a URL variable; fails when it has none ({@link #isSet}). */
  public URI url(String name) {
    return value(name, PluginVariable.Kind.URL, URI.class);
  }

  /** The value of a DURATION variable; fails when it has none ({@link #isSet}). */
  public Duration duration(String name) {
    return value(name, PluginVariable.Kind.DURATION, Duration.class);
  }

  /** The value of a INTEGER variable; fails when it has none ({@link #isSet}). */
  public int integer(String name) {
    return value(name, PluginVariable.Kind.INTEGER, Integer.class);
  }

  /** The value of a BOOLEAN variable; fails when it has none ({@link #isSet}). */
  public boolean bool(String name) {
    return value(name, PluginVariable.Kind.BOOLEAN, Boolean.class);
  }

  /** The entries of a list variable, none when it is not set. */
  @SuppressWarnings("unchecked")
  public List<String> list(String name) {
    if (!isSet(name)) {
      return List.of();
    }
    return value(name, PluginVariable.Kind.LIST, List.class);
  }

  private <T> T value(String name, PluginVariable.Kind kind, Class<T> type) {
    PluginVariable variable = declaration(name);
    if (variable.kind() != kind) {
      throw new IllegalArgumentException(
          name + " is declared as " + variable.kind() + ", not " + kind + ": read it as such");
    }
    Object value = values.get(name);
    if (value == null) {
      throw new IllegalStateException(
          name + " is not set and has no default: ask isSet(\"" + name + "\") first");
    }
    return type.cast(value);
  }

  private PluginVariable declaration(String name) {
    PluginVariable variable = declared.get(name);
    if (variable == null) {
      throw new IllegalArgumentException(
          name
              + " is not one of the variables the "
              + plugin.name()
              + " plugin declares: "
              + declared.keySet());
    }
    return variable;
  }

  /** Every declared variable with its value, secrets as {@code ****}, unset ones empty. */
  @Override
  public void describe(BiConsumer<String, Object> line) {
    declared.forEach(
        (name, variable) -> {
          Object value = values.get(name);
          if (variable.kind() == PluginVariable.Kind.SECRET) {
            line.accept(name, Secret.redacted(Optional.ofNullable((Secret) value)));
          } else if (value instanceof List<?> entries) {
            line.accept(name, String.join(",", entries.stream().map(String::valueOf).toList()));
          } else {
            line.accept(name, value == null ? "" : value);
          }
        });
  }
}
