package dev.paastis.provider.plugin;

import dev.paastis.config.ConfigException;
import dev.paastis.config.ProviderSection;
import dev.paastis.config.Variables;
import dev.paastis.provider.Provider;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@link ProviderPlugin}s Paastis can run, checked when found: each has a usable, unique name
 * and declares only variables of its own, whose defaults are accepted. A faulty plugin stops
 * Paastis with a {@link ConfigException} naming its class and jar.
 */
public final class InstalledPlugins {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

  private final List<ProviderPlugin> plugins;

  private InstalledPlugins(List<ProviderPlugin> plugins, Collection<String> builtIn) {
    Map<String, ProviderPlugin> byName = new LinkedHashMap<>();
    for (ProviderPlugin plugin : plugins) {
      check(plugin, builtIn);
      ProviderPlugin twin = byName.putIfAbsent(plugin.name(), plugin);
      if (twin != null) {
        throw new ConfigException(
            "two provider plugins are named "
                + plugin.name()
                + ": "
                + origin(twin)
                + " and "
                + origin(plugin)
                + "; keep one of them on the class path");
      }
    }
    this.plugins = List.copyOf(byName.values());
  }

  /**
   * The plugins {@link ServiceLoader} finds with the thread's context class loader: those listed in
   * {@code META-INF/services/dev.paastis.provider.plugin.ProviderPlugin} of the jars on the class
   * path.
   *
   * @param builtIn the names of the providers Paastis has built in, which no plugin may take
   */
  public static InstalledPlugins onClassPath(Collection<String> builtIn) {
    try {
      return new InstalledPlugins(
          ServiceLoader.load(ProviderPlugin.class).stream()
              .map(ServiceLoader.Provider::get)
              .toList(),
          builtIn);
    } catch (ServiceConfigurationError e) {
      throw new ConfigException("a provider plugin could not be loaded: " + e.getMessage());
    }
  }

  /** These plugins, checked as if they had been found on the class path. */
  public static InstalledPlugins of(List<ProviderPlugin> plugins, Collection<String> builtIn) {
    return new InstalledPlugins(plugins, builtIn);
  }

  /** The plugins' names, as PROVIDER_NAME accepts them. */
  public List<String> names() {
    return plugins.stream().map(ProviderPlugin::name).toList();
  }

  /**
   * How the configuration reads each plugin's variables. A plugin runs only when PROVIDER_NAME
   * names it: its variables never choose it.
   */
  public List<ProviderSection> sections() {
    return plugins.stream()
        .map(
            plugin ->
                new ProviderSection(
                    plugin.name(),
                    variables -> false,
                    (variables, enabled) -> PluginSettings.read(plugin, variables, enabled)))
        .toList();
  }

  /**
   * Creates the provider of the plugin that read these settings.
   *
   * @throws ConfigException when the plugin fails to create it, or creates one of another name
   */
  public static Provider create(
      PluginSettings settings, Vertx vertx, Clock clock, List<String> regions) {
    ProviderPlugin plugin = settings.plugin();
    Provider provider;
    try {
      provider = plugin.create(new PluginContext(vertx, settings, clock, regions));
    } catch (ConfigException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ConfigException(
          "the provider plugin " + plugin.name() + " (" + origin(plugin) + ") failed: " + e);
    }
    if (provider == null || !plugin.name().equals(provider.name())) {
      throw new ConfigException(
          "the provider plugin "
              + plugin.name()
              + " ("
              + origin(plugin)
              + ") created a provider named "
              + (provider == null ? "null" : provider.name())
              + ": it must carry the plugin's name");
    }
    return provider;
  }

  private static void check(ProviderPlugin plugin, Collection<String> builtIn) {
    String name = plugin.name();
    if (name == null || !NAME.matcher(name).matches()) {
      throw new ConfigException(
          "the provider plugin "
              + origin(plugin)
              + " is named '"
              + name
              + "': expected lower-case letters, digits and dashes, starting with a letter");
    }
    if (builtIn.contains(name)) {
      throw new ConfigException(
          "the provider plugin "
              + origin(plugin)
              + " is named "
              + name
              + ", as a provider Paastis has built in: expected another name");
    }
    String prefix = "PROVIDER_" + name.toUpperCase(Locale.ROOT).replace('-', '_') + "_";
    Set<String> seen = new HashSet<>();
    for (PluginVariable variable : plugin.variables()) {
      if (!variable.name().startsWith(prefix) || variable.name().length() == prefix.length()) {
        throw new ConfigException(
            "the provider plugin "
                + name
                + " ("
                + origin(plugin)
                + ") declares "
                + variable.name()
                + ": its variables must be named "
                + prefix
                + "...");
      }
      if (!seen.add(variable.name())) {
        throw new ConfigException(
            "the provider plugin " + name + " declares " + variable.name() + " twice");
      }
    }
    try {
      // the defaults alone, read as if the plugin did not run: a bad default is the plugin's bug
      PluginSettings.read(plugin, new Variables(Map.of()), false);
    } catch (ConfigException e) {
      throw new ConfigException(
          "the provider plugin "
              + name
              + " ("
              + origin(plugin)
              + ") declares a default value that is not accepted: "
              + e.getMessage());
    }
  }

  /** The plugin's class and the jar it came from: what a user needs to find it. */
  static String origin(ProviderPlugin plugin) {
    CodeSource source = plugin.getClass().getProtectionDomain().getCodeSource();
    String className = plugin.getClass().getName();
    if (source == null || source.getLocation() == null) {
      return className;
    }
    try {
      return className + " in " + Path.of(source.getLocation().toURI()).getFileName();
    } catch (Exception notAFile) {
      return className + " in " + source.getLocation();
    }
  }
}
