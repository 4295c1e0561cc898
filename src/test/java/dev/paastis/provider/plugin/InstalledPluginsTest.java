package dev.paastis.provider.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paastis.config.ConfigException;
import dev.paastis.provider.Provider;
import dev.paastis.testing.FakeProvider;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstalledPluginsTest {

  private static final List<String> BUILT_IN = List.of("heroku", "scalingo", "local");

  @TempDir Path folder;

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void closeVertx() {
    vertx.close().await();
  }

  @Test
  void the_plugins_listed_in_meta_inf_services_on_the_class_path_are_found() throws Exception {
    InstalledPlugins found =
        withServicesFile(
            FakeCloudPlugin.class.getName(), () -> InstalledPlugins.onClassPath(BUILT_IN));

    assertThat(found.names()).containsExactly("fake-cloud");
    assertThat(found.sections()).extracting("name").containsExactly("fake-cloud");
  }

  @Test
  void a_listed_class_that_cannot_be_loaded_stops_paastis_with_a_config_error() {
    assertThatThrownBy(
            () ->
                withServicesFile("com.acme.Missing", () -> InstalledPlugins.onClassPath(BUILT_IN)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("a provider plugin could not be loaded")
        .hasMessageContaining("com.acme.Missing");
  }

  @Test
  void a_plugin_is_refused_a_name_that_is_not_lower_case_or_taken() {
    assertThatThrownBy(() -> installed(plugin("Acme", List.of(), context -> null)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("is named 'Acme': expected lower-case letters, digits and dashes");
    assertThatThrownBy(() -> installed(plugin("heroku", List.of(), context -> null)))
        .hasMessageContaining("is named heroku, as a provider Paastis has built in");
    assertThatThrownBy(
            () ->
                installed(
                    plugin("acme", List.of(), context -> null),
                    plugin("acme", List.of(), context -> null)))
        .hasMessageStartingWith("two provider plugins are named acme");
  }

  @Test
  void a_plugin_declares_only_variables_of_its_own_once_with_accepted_defaults() {
    assertThatThrownBy(
            () ->
                installed(
                    plugin(
                        "acme-cloud",
                        List.of(PluginVariable.optional("PORT", PluginVariable.Kind.TEXT, "p")),
                        context -> null)))
        .hasMessageContaining("declares PORT: its variables must be named PROVIDER_ACME_CLOUD_...");
    PluginVariable token =
        PluginVariable.optional("PROVIDER_ACME_TOKEN", PluginVariable.Kind.SECRET, "t");
    assertThatThrownBy(() -> installed(plugin("acme", List.of(token, token), context -> null)))
        .hasMessage("the provider plugin acme declares PROVIDER_ACME_TOKEN twice");
    assertThatThrownBy(
            () ->
                installed(
                    plugin(
                        "acme",
                        List.of(
                            PluginVariable.withDefault(
                                "PROVIDER_ACME_TIMEOUT",
                                PluginVariable.Kind.DURATION,
                                "soon",
                                "t")),
                        context -> null)))
        .hasMessageContaining("declares a default value that is not accepted")
        .hasMessageContaining("PROVIDER_ACME_TIMEOUT=soon");
  }

  @Test
  void the_created_provider_is_the_plugins_own_and_named_after_it() {
    PluginSettings settings =
        PluginSettings.of(
            new FakeCloudPlugin(),
            Map.of(
                FakeCloudPlugin.TOKEN,
                "t",
                FakeCloudPlugin.APPS,
                "shop=http://127.0.0.1:9/",
                FakeCloudPlugin.TIMEOUT,
                "42s"));

    Provider provider = InstalledPlugins.create(settings, vertx, Clock.systemUTC(), List.of());

    assertThat(provider.name()).isEqualTo("fake-cloud");
    assertThat(provider.operationTimeout()).isEqualTo(Duration.ofSeconds(42));
    assertThat(provider.list().await()).extracting("key").containsExactly("shop");
  }

  @Test
  void a_plugin_that_fails_or_misnames_its_provider_stops_paastis_naming_the_plugin() {
    ProviderPlugin failing =
        plugin(
            "acme",
            List.of(),
            context -> {
              throw new IllegalStateException("no route to acme");
            });
    assertThatThrownBy(() -> create(failing))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("the provider plugin acme (")
        .hasMessageContaining("no route to acme");

    ProviderPlugin misnamed =
        plugin(
            "acme",
            List.of(),
            context -> new FakeProvider(context.vertx(), "other", Duration.ofSeconds(1)));
    assertThatThrownBy(() -> create(misnamed))
        .hasMessageContaining("created a provider named other: it must carry the plugin's name");
  }

  private Provider create(ProviderPlugin plugin) {
    return InstalledPlugins.create(
        PluginSettings.of(plugin, Map.of()), vertx, Clock.systemUTC(), List.of());
  }

  private static InstalledPlugins installed(ProviderPlugin... plugins) {
    return InstalledPlugins.of(List.of(plugins), BUILT_IN);
  }

  private static ProviderPlugin plugin(
      String name, List<PluginVariable> variables, Function<PluginContext, Provider> factory) {
    return new ProviderPlugin() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public List<PluginVariable> variables() {
        return variables;
      }

      @Override
      public Provider create(PluginContext context) {
        return factory.apply(context);
      }
    };
  }

  /** Runs {@code action} with a class path that has a services file listing {@code className}. */
  private <T> T withServicesFile(String className, Callable<T> action) throws Exception {
    Path services = folder.resolve("META-INF/services");
    Files.createDirectories(services);
    Files.writeString(
        services.resolve(ProviderPlugin.class.getName()), "# a comment\n" + className + "\n");
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {folder.toUri().toURL()}, getClass().getClassLoader())) {
      thread.setContextClassLoader(loader);
      return action.call();
    } catch (IOException e) {
      throw e;
    } finally {
      thread.setContextClassLoader(before);
    }
  }
}
