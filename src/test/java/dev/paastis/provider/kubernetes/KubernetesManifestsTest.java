package dev.paastis.provider.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.paastis.app.AppState;
import dev.paastis.app.Formation;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * deploy/kubernetes/: the RBAC rules grant exactly the calls the provider makes (recorded on the
 * mock API server through a listing, a status, a stop and a start), and the Deployment, Service and
 * Ingress fit together.
 */
class KubernetesManifestsTest {

  private static final Path DEPLOY = Path.of("deploy", "kubernetes");

  /** {@code /apis/apps/v1/namespaces/shop/deployments/front/scale?...}, the namespace optional. */
  private static final Pattern API_PATH =
      Pattern.compile(
          "/apis?/(?:[^/]+/)?v1(?:/namespaces/[^/]+)?/(?<resource>[a-z]+)"
              + "(?:/(?<name>[^/?]+)(?:/(?<sub>[a-z]+))?)?(?<query>\\?.*)?");

  private static List<JsonNode> documents(String file) throws Exception {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    List<JsonNode> documents = new ArrayList<>();
    try (var parser = yaml.getFactory().createParser(DEPLOY.resolve(file).toFile())) {
      yaml.readValues(parser, JsonNode.class).forEachRemaining(documents::add);
    }
    return documents;
  }

  private static JsonNode kind(String file, String kind) throws Exception {
    return documents(file).stream()
        .filter(document -> document.path("kind").asText().equals(kind))
        .findFirst()
        .orElseThrow();
  }

  /** {@code deployments/scale patch}, {@code pods watch}... for each rule of the ClusterRole. */
  private static Set<String> granted() throws Exception {
    Set<String> rights = new TreeSet<>();
    for (JsonNode rule : kind("rbac.yaml", "ClusterRole").path("rules")) {
      rule.path("resources")
          .forEach(
              resource ->
                  rule.path("verbs")
                      .forEach(verb -> rights.add(resource.asText() + " " + verb.asText())));
    }
    return rights;
  }

  /** The right a request needs, as the API server's authorizer names it. */
  private static String right(String request) {
    String method = request.substring(0, request.indexOf(' '));
    Matcher path = API_PATH.matcher(request.substring(request.indexOf(' ') + 1));
    assertThat(path.matches()).as(request).isTrue();
    String resource =
        path.group("resource") + (path.group("sub") == null ? "" : "/" + path.group("sub"));
    String query = path.group("query") == null ? "" : path.group("query");
    String verb =
        switch (method) {
          case "PATCH" -> "patch";
          case "GET" ->
              path.group("name") != null ? "get" : query.contains("watch=true") ? "watch" : "list";
          default -> method.toLowerCase();
        };
    return resource + " " + verb;
  }

  @Test
  void the_rbac_rules_grant_exactly_what_the_provider_calls() throws Exception {
    Vertx vertx = Vertx.vertx();
    Set<String> used = new TreeSet<>();
    try (MockCluster cluster = new MockCluster()) {
      cluster.deployment("shop", "front", 1, Map.of());
      cluster.service("shop", "front", 8080);
      cluster.statefulSet("shop", "db", 1);
      KubernetesProvider provider = cluster.provider(vertx, Namespaces.of("shop"));
      for (String key : List.of("front", "db")) {
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> provider.status(key).await().state() == AppState.RUNNING);
        provider.list().await();
        provider.stop(key).await();
        provider.start(key, Formation.DEFAULT).await();
      }
      provider.close().await();
      cluster.calls.requests().stream()
          .filter(request -> !request.startsWith("POST ")) // the test's own set-up
          .map(KubernetesManifestsTest::right)
          .forEach(used::add);
    } finally {
      vertx.close().await();
    }

    assertThat(granted()).isEqualTo(used);
  }

  @Test
  void paastis_runs_as_the_bound_service_account_with_the_kubernetes_provider() throws Exception {
    JsonNode binding = kind("rbac.yaml", "ClusterRoleBinding");
    JsonNode pod = kind("deployment.yaml", "Deployment").path("spec").path("template");
    JsonNode container = pod.path("spec").path("containers").get(0);
    Map<String, String> env = new HashMap<>();
    container.path("env").forEach(v -> env.put(v.path("name").asText(), v.path("value").asText()));

    assertThat(pod.path("spec").path("serviceAccountName").asText())
        .isEqualTo(binding.path("subjects").get(0).path("name").asText());
    assertThat(env).containsEntry("PROVIDER_NAME", "kubernetes");
    assertThat(pod.path("metadata").path("labels").has("paastis.dev/enabled")).isFalse();
    assertThat(container.path("readinessProbe").path("httpGet").path("path").asText())
        .isEqualTo("/health/ready");
    assertThat(container.path("livenessProbe").path("httpGet").path("path").asText())
        .isEqualTo("/health/live");
    assertThat(env).containsEntry("ADMIN_ENABLED", "true").containsEntry("ADMIN_HOST", "0.0.0.0");
  }

  @Test
  void the_wildcard_ingress_reaches_the_proxy_port_through_the_service() throws Exception {
    JsonNode rule = kind("ingress.yaml", "Ingress").path("spec").path("rules").get(0);
    JsonNode backend = rule.path("http").path("paths").get(0).path("backend").path("service");
    JsonNode service = kind("service.yaml", "Service");
    JsonNode container =
        kind("deployment.yaml", "Deployment")
            .path("spec")
            .path("template")
            .path("spec")
            .path("containers")
            .get(0);

    assertThat(rule.path("host").asText()).isEqualTo("*.apps.example.com");
    assertThat(backend.path("name").asText())
        .isEqualTo(service.path("metadata").path("name").asText());
    JsonNode port = service.path("spec").path("ports").get(0);
    assertThat(backend.path("port").path("name").asText()).isEqualTo(port.path("name").asText());
    assertThat(container.path("ports").findValuesAsText("name"))
        .contains(port.path("targetPort").asText());
    assertThat(container.path("ports").get(0).path("containerPort").asInt()).isEqualTo(3000);
  }
}
