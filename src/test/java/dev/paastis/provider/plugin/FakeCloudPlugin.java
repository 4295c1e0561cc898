package dev.paastis.provider.plugin;

import dev.paastis.provider.Provider;
import dev.paastis.testing.FakeProvider;
import java.net.URI;
import java.util.List;

/**
 * A plugin as a third party writes one, with a public constructor for {@link
 * java.util.ServiceLoader}: the apps of "fake-cloud" are PROVIDER_FAKE_CLOUD_APPS entries
 * (name=url), stopped until started.
 */
public final class FakeCloudPlugin implements ProviderPlugin {

  static final String TOKEN = "PROVIDER_FAKE_CLOUD_TOKEN";
  static final String APPS = "PROVIDER_FAKE_CLOUD_APPS";
  static final String TIMEOUT = "PROVIDER_FAKE_CLOUD_OPERATION_TIMEOUT";

  @Override
  public String name() {
    return "fake-cloud";
  }

  @Override
  public List<PluginVariable> variables() {
    return List.of(
        PluginVariable.required(TOKEN, PluginVariable.Kind.SECRET, "the fake cloud's API token"),
        PluginVariable.optional(APPS, PluginVariable.Kind.LIST, "name=url of each app"),
        PluginVariable.withDefault(
            TIMEOUT, PluginVariable.Kind.DURATION, "10s", "how long a start may take"));
  }

  @Override
  public Provider create(PluginContext context) {
    FakeProvider provider =
        new FakeProvider(context.vertx(), name(), context.settings().duration(TIMEOUT));
    for (String app : context.settings().list(APPS)) {
      String[] nameAndUrl = app.split("=", 2);
      provider.withStoppedApp(nameAndUrl[0], URI.create(nameAndUrl[1]));
    }
    return provider;
  }
}
