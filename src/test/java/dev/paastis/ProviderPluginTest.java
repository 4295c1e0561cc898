package dev.paastis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paastis.config.ConfigException;
import dev.paastis.config.ConfigPrinter;
import dev.paastis.config.PaastisConfig;
import dev.paastis.events.Event;
import dev.paastis.events.EventType;
import dev.paastis.provider.plugin.FakeCloudPlugin;
import dev.paastis.provider.plugin.ProviderPlugin;
import dev.paastis.testing.TestHttp;
import dev.paastis.testing.TestUpstream;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A provider plugin on the class path, listed in its {@code META-INF/services}, chosen by
 * PROVIDER_NAME: its variables are checked and redacted with the others, rules may name it, and the
 * proxy wakes its apps. (ProviderPluginIT does the same with a plugin jar and the real fat jar.)
 */
class ProviderPluginTest {

  @TempDir Path dir;
  @TempDir Path pluginJar;
  private Vertx vertx;
  private TestUpstream upstream;
  private URLClassLoader pluginLoader;
  private ClassLoader before;
  private Paastis paastis;

  @BeforeEach
  void putThePluginOnTheClassPath() throws Exception {
    vertx = Vertx.vertx();
    upstream = TestUpstream.start(vertx);
    Path services = pluginJar.resolve("META-INF/services");
    Files.createDirectories(services);
    Files.writeString(
        services.resolve(ProviderPlugin.class.getName()), FakeCloudPlugin.class.getName() + "\n");
    pluginLoader =
        new URLClassLoader(new URL[] {pluginJar.toUri().toURL()}, getClass().getClassLoader());
    before = Thread.currentThread().getContextClassLoader();
    Thread.currentThread().setContextClassLoader(pluginLoader);
  }

  @AfterEach
  void tearDown() throws Exception {
    Thread.currentThread().setContextClassLoader(before);
    if (paastis != null) {
      paastis.stop().await();
    }
    vertx.close().await();
    pluginLoader.close();
  }

  private PaastisConfig load(Map<String, String> variables) {
    Map<String, String> env = new HashMap<>(variables);
    env.put("HOST", "127.0.0.1");
    env.put("PORT", "0");
    env.put("START_AND_STOP_CHECKING_INTERVAL_CRON", "0 0 1 1 *");
    return ProviderChoice.configLoader(env, dir).load(Map.of());
  }

  private Map<String, String> fakeCloud() {
    return Map.of(
        "PROVIDER_NAME", "fake-cloud",
        "PROVIDER_FAKE_CLOUD_TOKEN", "s3cr3t-t0k3n",
        "PROVIDER_FAKE_CLOUD_APPS", "shop=" + upstream.uri());
  }

  @Test
  void provider_name_chooses_the_plugin_and_config_check_shows_its_variables_redacted() {
    PaastisConfig config = load(fakeCloud());

    assertThat(config.providers().enabled()).containsExactly("fake-cloud");
    List<String> lines = ConfigPrinter.describe(config);
    assertThat(lines)
        .contains(
            "PROVIDER_FAKE_CLOUD_TOKEN=****",
            "PROVIDER_FAKE_CLOUD_APPS=shop=" + upstream.uri(),
            "PROVIDER_FAKE_CLOUD_OPERATION_TIMEOUT=10s");
    assertThat(String.join("\n", lines)).doesNotContain("s3cr3t-t0k3n");
  }

  @Test
  void the_plugins_variables_are_checked_with_the_configuration() {
    assertThatThrownBy(() -> load(Map.of("PROVIDER_NAME", "fake-cloud")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(
            "PROVIDER_FAKE_CLOUD_TOKEN is not set: required when PROVIDER_NAME=fake-cloud");
    Map<String, String> badTimeout = new HashMap<>(fakeCloud());
    badTimeout.put("PROVIDER_FAKE_CLOUD_OPERATION_TIMEOUT", "forever");
    assertThatThrownBy(() -> load(badTimeout))
        .hasMessageStartingWith("PROVIDER_FAKE_CLOUD_OPERATION_TIMEOUT=forever is not valid");
    assertThatThrownBy(() -> load(Map.of("PROVIDER_NAME", "acme")))
        .hasMessageContaining(
            "expected heroku, scalingo, clever-cloud, render, kubernetes, local or fake-cloud");
  }

  @Test
  void a_rule_may_name_the_plugin_as_its_provider() throws Exception {
    Files.writeString(
        dir.resolve("paastis.yml"),
        "rules:\n  - pattern: ^shop$\n    provider: fake-cloud\n    app_max_idle_time: 5\n");

    assertThat(load(fakeCloud()).rules())
        .extracting("provider")
        .first()
        .hasToString("Optional[fake-cloud]");
  }

  @Test
  void the_proxy_wakes_an_app_of_the_plugins_provider_and_forwards_to_it() throws Exception {
    List<Event> events = new CopyOnWriteArrayList<>();
    paastis = Paastis.builder(load(fakeCloud())).vertx(vertx).build();
    paastis.onEvent(events::add);
    int port = paastis.start().await();
    paastis.ready().await();

    HttpClient client = vertx.createHttpClient();
    TestHttp.Response response = TestHttp.get(client, port, "shop.example.com", "/cart?id=7");

    assertThat(response.status()).isEqualTo(200);
    assertThat(upstream.paths).contains("/cart");
    assertThat(events)
        .extracting(Event::type)
        .contains(EventType.APP_STARTING, EventType.APP_STARTED);
    assertThat(events)
        .filteredOn(event -> event.type() == EventType.APP_STARTED)
        .extracting(Event::provider)
        .containsOnly("fake-cloud");
  }
}
