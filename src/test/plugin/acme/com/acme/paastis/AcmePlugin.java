package com.acme.paastis;

import dev.paastis.provider.Provider;
import dev.paastis.provider.plugin.PluginContext;
import dev.paastis.provider.plugin.PluginVariable;
import dev.paastis.provider.plugin.ProviderPlugin;
import java.util.List;

/**
 * A third party's provider plugin, compiled and packed into a jar by ProviderPluginIT: the apps of
 * "Acme Cloud" are PROVIDER_ACME_APPS entries (name=url), stopped until started.
 */
public final class AcmePlugin implements ProviderPlugin {

  @Override
  public String name() {
    return "acme";
  }

  @Override
  public List<PluginVariable> variables() {
    return List.of(
        PluginVariable.required(
            "PROVIDER_ACME_TOKEN", PluginVariable.Kind.SECRET, "the Acme Cloud API token"),
        PluginVariable.required(
            "PROVIDER_ACME_APPS", PluginVariable.Kind.LIST, "name=url of each app"),
        PluginVariable.withDefault(
            "PROVIDER_ACME_OPERATION_TIMEOUT",
            PluginVariable.Kind.DURATION,
            "20s",
            "how long a start may take"));
  }

  @Override
  public Provider create(PluginContext context) {
    return new AcmeProvider(
        context.settings().list("PROVIDER_ACME_APPS"),
        context.settings().duration("PROVIDER_ACME_OPERATION_TIMEOUT"));
  }
}
