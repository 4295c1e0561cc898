package dev.paastis.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real jar's demo with its admin listener, driven over HTTP as an operator would. */
class AdminListenerIT {

  private static final String TOKEN = "it-admin-token";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private PaastisProcess paastis;
  private int port;
  private int adminPort;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeEach
  void startDemo() throws Exception {
    port = PaastisProcess.freePort();
    adminPort = PaastisProcess.freePort();
    paastis =
        PaastisProcess.start(
            dir,
            Map.of(
                "PORT",
                Integer.toString(port),
                "HOST",
                "127.0.0.1",
                "ADMIN_PORT",
                Integer.toString(adminPort),
                "ADMIN_API_TOKEN",
                TOKEN,
                "LOG_FORMAT",
                "pretty"),
            List.of("-Xmx96m"),
            "demo");
    paastis.awaitPort(adminPort, Duration.ofSeconds(30));
  }

  @AfterEach
  void stopDemo() throws Exception {
    if (paastis != null) {
      paastis.close();
    }
  }

  private HttpResponse<String> admin(String method, String path, boolean withToken)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + path))
            .timeout(Duration.ofSeconds(60))
            .method(method, HttpRequest.BodyPublishers.noBody());
    if (withToken) {
      request.header("Authorization", "Bearer " + TOKEN);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  @Test
  void an_operator_lists_starts_and_stops_a_demo_app_through_the_admin_api() throws Exception {
    assertThat(admin("GET", "/health/live", false).statusCode()).isEqualTo(200);
    assertThat(admin("GET", "/api/apps", false).statusCode()).isEqualTo(401);

    JsonNode apps = json(admin("GET", "/api/apps", true)).get("apps");
    assertThat(apps.findValuesAsText("name")).containsExactly("hello", "world");
    assertThat(apps.findValuesAsText("state")).containsOnly("STOPPED");

    HttpResponse<String> started = admin("POST", "/api/apps/hello/start?wait=true", true);
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    assertThat(json(started).get("state").asText()).isEqualTo("RUNNING");

    HttpResponse<String> proxied =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .header("Host", "hello.localhost")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(proxied.statusCode()).isEqualTo(200);

    // 409 while the proxied request's lease is still being released: ask again
    HttpResponse<String> stopped =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () -> admin("POST", "/api/apps/hello/stop?wait=true", true),
                r -> r.statusCode() != 409);
    assertThat(stopped.statusCode()).as(stopped.body()).isEqualTo(200);
    assertThat(json(stopped).get("state").asText()).isEqualTo("STOPPED");

    JsonNode events = json(admin("GET", "/api/events?app=hello&type=APP_STOPPED", true));
    assertThat(events.get("events").get(0).get("details").get("reason").asText())
        .isEqualTo("manual");
    assertThat(json(admin("GET", "/health/ready", false)).get("status").asText()).isEqualTo("UP");
  }
}
