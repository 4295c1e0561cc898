package com.example.embedded;

import dev.paastis.provider.Provider;
import dev.paastis.provider.plugin.PluginContext;
import dev.paastis.provider.plugin.PluginVariable;
import dev.paastis.provider.plugin.ProviderPlugin;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code in-process} provider plugin, found by Paastis through {@code
 * META-INF/services/dev.paastis.provider.plugin.ProviderPlugin}. Its apps are HTTP servers inside
 * this JVM, listed in PROVIDER_IN_PROCESS_APPS as {@code name=port} entries.
 */
public final class InProcessPlugin implements ProviderPlugin {

  static final String APPS = "PROVIDER_IN_PROCESS_APPS";
  static final String OPERATION_TIMEOUT = "PROVIDER_IN_PROCESS_OPERATION_TIMEOUT";

  @Override
  public String name() {
    return InProcessProvider.NAME;
  }

  @Override
  public List<PluginVariable> variables() {
    return List.of(
        PluginVariable.required(
            APPS,
            PluginVariable.Kind.LIST,
            "the apps, as name=port entries: hello=8081,world=8082"),
        PluginVariable.withDefault(
            OPERATION_TIMEOUT,
            PluginVariable.Kind.DURATION,
            "10s",
            "how long Paastis waits for an app to answer after starting it"));
  }

  @Override
  public Provider create(PluginContext context) {
    Map<String, Integer> ports = new LinkedHashMap<>();
    for (String entry : context.settings().list(APPS)) {
      String[] nameAndPort = entry.split("=", 2);
      if (nameAndPort.length != 2 || !nameAndPort[1].matches("\\d{1,5}")) {
        // a ConfigException would do as well; any exception stops Paastis naming this plugin
        throw new IllegalArgumentException(
            APPS + " has " + entry + ": expected name=port entries such as hello=8081");
      }
      ports.put(nameAndPort[0].trim(), Integer.parseInt(nameAndPort[1]));
    }
    return new InProcessProvider(
        context.vertx(), ports, context.settings().duration(OPERATION_TIMEOUT));
  }
}
