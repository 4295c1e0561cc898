package dev.paastis.provider.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paastis.app.AppState;
import dev.paastis.app.Formation;
import dev.paastis.app.ProviderApp;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Kubernetes provider on fabric8's mock API server, a fake kubelet making pods ready. */
class KubernetesProviderTest {

  private static final Duration PATIENCE = Duration.ofSeconds(20);

  private final Vertx vertx = Vertx.vertx();
  private final MockCluster cluster = new MockCluster();
  private KubernetesProvider provider;

  @AfterEach
  void tearDown() {
    if (provider != null) {
      provider.close().await();
    }
    cluster.close();
    vertx.close().await();
  }

  private static <T> T result(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  private KubernetesProvider provider(Namespaces namespaces) {
    provider = cluster.provider(vertx, namespaces);
    return provider;
  }

  private List<String> keys() throws Exception {
    return result(provider.list()).stream().map(ProviderApp::key).sorted().toList();
  }

  private AppState stateOf(String key) throws Exception {
    return result(provider.status(key)).state();
  }

  @Test
  void lists_the_labelled_workloads_of_the_watched_namespaces_only() throws Exception {
    cluster.deployment("shop", "front", 0, Map.of());
    cluster.statefulSet("shop", "db", 0);
    cluster.unlabelledDeployment("shop", "not-mine");
    cluster.deployment("blog", "elsewhere", 0, Map.of());
    provider(Namespaces.of("shop"));

    assertThat(keys()).containsExactly("db", "front");
  }

  @Test
  void every_namespace_is_watched_with_a_star() throws Exception {
    cluster.deployment("shop", "front", 0, Map.of());
    cluster.deployment("blog", "posts", 0, Map.of());
    provider(Namespaces.everywhere());

    assertThat(keys()).containsExactly("front", "posts");
  }

  @Test
  void several_namespaces_may_be_named() throws Exception {
    cluster.deployment("shop", "front", 0, Map.of());
    cluster.deployment("blog", "posts", 0, Map.of());
    cluster.deployment("ops", "grafana", 0, Map.of());
    provider(Namespaces.of("shop", "blog"));

    assertThat(keys()).containsExactly("front", "posts");
  }

  @Test
  void the_key_and_the_upstream_may_come_from_annotations() throws Exception {
    cluster.deployment(
        "shop",
        "front-v2",
        0,
        Map.of(Workload.APP_NAME, "front", Workload.UPSTREAM, "https://front.example.com"));
    provider(Namespaces.of("shop"));

    ProviderApp app = result(provider.status("front"));

    assertThat(app.upstream()).contains(URI.create("https://front.example.com"));
    assertThat(app.displayName()).isEqualTo("shop/front-v2");
    assertThat(app.region()).contains("shop");
    assertThat(app.provider()).isEqualTo("kubernetes");
  }

  @Test
  void the_upstream_is_otherwise_the_first_port_of_the_service_of_the_same_name() throws Exception {
    cluster.deployment("shop", "front", 0, Map.of());
    cluster.service("shop", "front", 8080);
    cluster.deployment("shop", "worker", 0, Map.of());
    provider(Namespaces.of("shop"));

    assertThat(result(provider.status("front")).upstream())
        .contains(URI.create("http://front.shop.svc:8080"));
    assertThat(result(provider.status("worker")).upstream()).isEmpty();
  }

  @Test
  void stop_saves_the_replicas_in_an_annotation_and_start_restores_them() throws Exception {
    cluster.deployment("shop", "front", 3, Map.of());
    provider(Namespaces.of("shop"));
    await().atMost(PATIENCE).until(() -> stateOf("front") == AppState.RUNNING);

    result(provider.stop("front"));

    assertThat(cluster.deployment("shop", "front").getSpec().getReplicas()).isZero();
    assertThat(cluster.deployment("shop", "front").getMetadata().getAnnotations())
        .containsEntry(Workload.REPLICAS, "3");
    await().atMost(PATIENCE).until(() -> stateOf("front") == AppState.STOPPED);

    result(provider.start("front", Formation.DEFAULT));

    assertThat(cluster.deployment("shop", "front").getSpec().getReplicas()).isEqualTo(3);
    await().atMost(PATIENCE).until(() -> stateOf("front") == AppState.RUNNING);
    assertThat(result(provider.status("front")).formation())
        .isEqualTo(Formation.of(Map.of("replicas", 3)));
  }

  @Test
  void start_without_saved_replicas_runs_one() throws Exception {
    cluster.deployment("shop", "front", 0, Map.of());
    provider(Namespaces.of("shop"));

    result(provider.start("front", Formation.DEFAULT));

    assertThat(cluster.deployment("shop", "front").getSpec().getReplicas()).isEqualTo(1);
    await().atMost(PATIENCE).until(() -> stateOf("front") == AppState.RUNNING);
  }

  @Test
  void a_stateful_set_is_stopped_and_started_like_a_deployment() throws Exception {
    cluster.statefulSet("shop", "db", 2);
    provider(Namespaces.of("shop"));
    await().atMost(PATIENCE).until(() -> stateOf("db") == AppState.RUNNING);

    result(provider.stop("db"));
    await().atMost(PATIENCE).until(() -> stateOf("db") == AppState.STOPPED);
    result(provider.start("db", Formation.DEFAULT));

    await().atMost(PATIENCE).until(() -> stateOf("db") == AppState.RUNNING);
    assertThat(
            cluster
                .client
                .apps()
                .statefulSets()
                .inNamespace("shop")
                .withName("db")
                .get()
                .getSpec()
                .getReplicas())
        .isEqualTo(2);
  }

  @Test
  void a_workload_whose_pods_crash_loop_is_failed() throws Exception {
    cluster.deployment("shop", "front", 0, Map.of());
    cluster.kubelet.neverReady("shop", "front", "CrashLoopBackOff");
    provider(Namespaces.of("shop"));

    result(provider.start("front", Formation.DEFAULT));

    await().atMost(PATIENCE).until(() -> stateOf("front") == AppState.FAILED);
  }

  @Test
  void a_workload_whose_image_cannot_be_pulled_is_failed() throws Exception {
    cluster.deployment("shop", "front", 0, Map.of());
    cluster.kubelet.neverReady("shop", "front", "ImagePullBackOff");
    provider(Namespaces.of("shop"));

    result(provider.start("front", Formation.DEFAULT));

    await().atMost(PATIENCE).until(() -> stateOf("front") == AppState.FAILED);
  }

  @Test
  void a_pod_of_another_workload_failing_does_not_fail_this_one() throws Exception {
    cluster.deployment("shop", "front", 0, Map.of());
    cluster.kubelet.neverReady("shop", "front", "");
    cluster.waitingPod("shop", "other", "CrashLoopBackOff");
    provider(Namespaces.of("shop"));

    result(provider.start("front", Formation.DEFAULT));

    await()
        .atMost(PATIENCE)
        .until(
            () ->
                cluster.deployment("shop", "front").getStatus() != null
                    && cluster.deployment("shop", "front").getStatus().getObservedGeneration()
                        == cluster.deployment("shop", "front").getMetadata().getGeneration());
    await().atMost(PATIENCE).until(() -> stateOf("front") == AppState.STARTING);
  }

  @Test
  void a_deployment_past_its_progress_deadline_is_failed() throws Exception {
    cluster.deployment("shop", "front", 0, Map.of());
    cluster.kubelet.neverReady("shop", "front", "");
    provider(Namespaces.of("shop"));
    result(provider.start("front", Formation.DEFAULT));

    cluster
        .client
        .apps()
        .deployments()
        .inNamespace("shop")
        .withName("front")
        .subresource("status")
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            "{\"status\":{\"conditions\":[{\"type\":\"Progressing\",\"status\":\"False\","
                + "\"reason\":\"ProgressDeadlineExceeded\"}]}}");

    await().atMost(PATIENCE).until(() -> stateOf("front") == AppState.FAILED);
  }

  @Test
  void listings_and_status_readings_after_the_first_cost_no_api_call() throws Exception {
    cluster.deployment("shop", "front", 1, Map.of());
    cluster.service("shop", "front", 8080);
    cluster.deployment("shop", "worker", 0, Map.of());
    provider(Namespaces.of("shop"));
    await().atMost(PATIENCE).until(() -> stateOf("front") == AppState.RUNNING);
    result(provider.list());
    int before = cluster.calls.requests().size();

    for (int tick = 0; tick < 5; tick++) {
      assertThat(result(provider.list())).hasSize(2);
      assertThat(stateOf("front")).isEqualTo(AppState.RUNNING);
    }

    assertThat(cluster.calls.since(before)).isEmpty();
  }

  @Test
  void a_key_taken_twice_is_kept_by_the_first_namespace() throws Exception {
    cluster.deployment("blog", "front", 0, Map.of(Workload.UPSTREAM, "http://blog.example"));
    cluster.deployment("shop", "front", 0, Map.of(Workload.UPSTREAM, "http://shop.example"));
    provider(Namespaces.everywhere());

    assertThat(result(provider.list()))
        .singleElement()
        .satisfies(
            app -> {
              assertThat(app.region()).isEqualTo(Optional.of("blog"));
            });
  }
}
