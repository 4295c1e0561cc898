package dev.paastis.provider.plugin;

import dev.paastis.provider.Provider;
import java.util.List;

/**
 * A provider from another jar: put the jar on the class path beside Paastis's and set {@code
 * PROVIDER_NAME} to the plugin's {@link #name()}. Paastis finds plugins with {@link
 * java.util.ServiceLoader}: the plugin jar lists its implementation in {@code
 * META-INF/services/dev.paastis.provider.plugin.ProviderPlugin}, and the implementation has a
 * public constructor without arguments.
 *
 * <p>A plugin runs only when {@code PROVIDER_NAME} names it (it is never chosen from its
 * credentials alone). Its variables are read and checked with the rest of the configuration, so a
 * bad value stops Paastis before anything starts. The {@link Provider} it creates passes the
 * provider contract suite published in Paastis's test jar ({@code
 * dev.paastis.provider.ProviderContractTest}).
 */
public interface ProviderPlugin {

  /**
   * The value of {@code PROVIDER_NAME} that chooses this plugin, also the provider's name in rules,
   * events and metrics: lower-case letters, digits and dashes, starting with a letter, and not the
   * name of a provider Paastis has built in.
   */
  String name();

  /** Every variable the plugin reads, each named {@code PROVIDER_<NAME>_...}. */
  List<PluginVariable> variables();

  /**
   * Creates the provider, once, when Paastis is built; Paastis closes it when it stops ({@link
   * Provider#close()}). The provider's {@link Provider#name()} must be {@link #name()}.
   *
   * @throws RuntimeException when it cannot be created: Paastis does not start, and prints the
   *     message naming the plugin
   */
  Provider create(PluginContext context);
}
