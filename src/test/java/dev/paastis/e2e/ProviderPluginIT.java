package dev.paastis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A third party's provider plugin, built by the test from {@code src/test/plugin/acme} against the
 * fat jar alone, put on the class path beside it: {@code java -cp paastis.jar:acme.jar
 * dev.paastis.cli.Main}. PROVIDER_NAME=acme runs it, {@code config check} checks and redacts its
 * variables, and the proxy wakes its app.
 */
class ProviderPluginIT {

  private static final Path SOURCES = Path.of("src/test/plugin/acme");

  @TempDir Path dir;
  @TempDir Path work;
  private HttpServer app;
  private Path pluginJar;

  @BeforeEach
  void buildThePluginAndStartItsApp() throws Exception {
    pluginJar = PluginJar.build(SOURCES, PaastisProcess.JAR, work);
    app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    app.createContext(
        "/",
        exchange -> {
          byte[] body = ("acme app: " + exchange.getRequestURI()).getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    app.start();
  }

  @AfterEach
  void stopTheApp() {
    app.stop(0);
  }

  private Map<String, String> acme(int port) {
    Map<String, String> env = new HashMap<>();
    env.put("PROVIDER_NAME", "acme");
    env.put("PROVIDER_ACME_TOKEN", "acme-s3cr3t");
    env.put("PROVIDER_ACME_APPS", "shop=http://127.0.0.1:" + app.getAddress().getPort());
    env.put("HOST", "127.0.0.1");
    env.put("PORT", Integer.toString(port));
    return env;
  }

  @Test
  void config_check_reads_the_plugins_variables_and_never_prints_its_secret() throws Exception {
    PaastisProcess.Result check =
        PaastisProcess.runWith(dir, acme(0), List.of(pluginJar), "config", "check");

    assertThat(check.exitCode()).as(check.output()).isZero();
    assertThat(check.output())
        .contains("PROVIDERS_ENABLED=acme")
        .contains("PROVIDER_ACME_TOKEN=****")
        .contains("PROVIDER_ACME_OPERATION_TIMEOUT=20s")
        .doesNotContain("acme-s3cr3t");

    Map<String, String> withoutToken = acme(0);
    withoutToken.remove("PROVIDER_ACME_TOKEN");
    PaastisProcess.Result missing =
        PaastisProcess.runWith(dir, withoutToken, List.of(pluginJar), "config", "check");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.output())
        .contains("PROVIDER_ACME_TOKEN is not set: required when PROVIDER_NAME=acme");
  }

  @Test
  void without_the_plugin_jar_acme_is_not_a_provider() throws Exception {
    PaastisProcess.Result run = PaastisProcess.runWith(dir, acme(0), List.of(), "config", "check");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.output())
        .contains(
            "PROVIDER_NAME=acme is not valid: expected heroku, scalingo, clever-cloud, render, kubernetes or local");
  }

  @Test
  void the_proxy_wakes_the_plugins_app_and_forwards_the_request() throws Exception {
    int port = PaastisProcess.freePort();
    try (PaastisProcess paastis = PaastisProcess.startWith(dir, acme(port), List.of(pluginJar))) {
      paastis.awaitPort(port, Duration.ofSeconds(60));
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/orders?id=3"))
                  .header("Host", "shop.example.com")
                  .header("Accept", "application/json")
                  .timeout(Duration.ofSeconds(60))
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).as(paastis.output()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("acme app: /orders?id=3");
      assertThat(paastis.output()).contains("providers [acme]");
    }
  }
}
