package dev.paastis.provider.plugin;

import java.util.Objects;
import java.util.Optional;

/**
 * A variable a {@link ProviderPlugin} reads, declared so that Paastis can check its value when
 * loading the configuration (a bad value stops Paastis with a line naming the variable and what it
 * accepts), require it when the plugin runs, print it in {@code paastis config check}, and never
 * print a secret.
 *
 * @param name the variable, {@code PROVIDER_<PLUGIN NAME>_...} (the plugin's name upper-cased,
 *     dashes as underscores), so that plugins and Paastis never read each other's variables
 * @param kind what values it accepts
 * @param required whether the plugin cannot run without it
 * @param fallback the value used when it is not set (never for a required variable)
 * @param description one line for the documentation and the error messages
 */
public record PluginVariable(
    String name, Kind kind, boolean required, Optional<String> fallback, String description) {

  /** What a variable accepts; each kind has its accessor in {@link PluginSettings}. */
  public enum Kind {
    /** Any text. */
    TEXT,
    /** Text never printed nor logged: {@code ****} in {@code config check}. */
    SECRET,
    /** An absolute http:// or https:// URL; a trailing slash is dropped. */
    URL,
    /**
     * A duration greater than zero: {@code 30s}, {@code 10m}, {@code 2h}; a bare number is seconds.
     */
    DURATION,
    /** A whole number greater than zero. */
    INTEGER,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** A comma-separated list, entries trimmed, empty ones dropped. */
    LIST
  }

  /** Checks the declaration: a default is never blank, nor given to a required variable. */
  public PluginVariable {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(fallback, "fallback");
    Objects.requireNonNull(description, "description");
    if (fallback.filter(String::isBlank).isPresent()) {
      throw new IllegalArgumentException(name + ": a default value cannot be blank");
    }
    if (required && fallback.isPresent()) {
      throw new IllegalArgumentException(name + " is required, so it cannot have a default value");
    }
  }

  /** A variable the plugin cannot run without. */
  public static PluginVariable required(String name, Kind kind, String description) {
    return new PluginVariable(name, kind, true, Optional.empty(), description);
  }

  /** A variable that may be unset: {@link PluginSettings#isSet} tells. */
  public static PluginVariable optional(String name, Kind kind, String description) {
    return new PluginVariable(name, kind, false, Optional.empty(), description);
  }

  /** A variable with a default value, written as a user would set it ({@code 30s}). */
  public static PluginVariable withDefault(
      String name, Kind kind, String fallback, String description) {
    return new PluginVariable(name, kind, false, Optional.of(fallback), description);
  }
}
