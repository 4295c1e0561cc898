/**
 * Provider plugins: a third party adds a provider without forking Paastis. A jar on the class path
 * implements {@link dev.paastis.provider.plugin.ProviderPlugin} and lists it in {@code
 * META-INF/services/dev.paastis.provider.plugin.ProviderPlugin}; {@code PROVIDER_NAME=<its name>}
 * runs it. The plugin declares its variables ({@link dev.paastis.provider.plugin.PluginVariable}),
 * which Paastis reads, checks and redacts with the rest of its configuration, and creates its
 * {@link dev.paastis.provider.Provider} from their values ({@link
 * dev.paastis.provider.plugin.PluginSettings}).
 */
package dev.paastis.provider.plugin;
