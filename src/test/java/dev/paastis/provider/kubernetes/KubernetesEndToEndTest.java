package dev.paastis.provider.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paastis.Paastis;
import dev.paastis.app.AppState;
import dev.paastis.provider.Providers;
import dev.paastis.testing.MutableClock;
import dev.paastis.testing.TestConfigs;
import dev.paastis.testing.TestHttp;
import dev.paastis.testing.TestUpstream;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real Paastis with the Kubernetes provider against the mock API server; the workloads'
 * upstream annotation points at a real loopback HTTP server that answers only while the fake
 * kubelet reports a ready replica (503 otherwise, as an ingress with no endpoint would).
 */
class KubernetesEndToEndTest {

  private final Vertx vertx = Vertx.vertx();
  private final MutableClock clock = new MutableClock();
  private final MockCluster cluster = new MockCluster();
  private HttpClient client;
  private TestUpstream upstream;
  private Paastis paastis;
  private KubernetesProvider provider;

  @BeforeEach
  void setUp() throws Exception {
    client = vertx.createHttpClient();
    upstream = TestUpstream.start(vertx);
  }

  @AfterEach
  void tearDown() {
    if (paastis != null) {
      paastis.stop().await();
    }
    upstream.close();
    cluster.close();
    vertx.close().await();
  }

  private void deployment(String name, int replicas) {
    cluster.deployment(
        "apps", name, replicas, Map.of(Workload.UPSTREAM, upstream.uri().toString()));
    upstream.servesWhile(() -> cluster.kubelet.serves("apps", name));
  }

  private void startPaastis() {
    TestConfigs configs = new TestConfigs();
    configs.providers = List.of("kubernetes");
    configs.maxIdleTime = Duration.ofMinutes(5);
    provider = cluster.provider(vertx, Namespaces.of("apps"));
    paastis = Paastis.create(configs.build(), vertx, new Providers(List.of(provider)), clock);
    paastis.start().await();
  }

  @Test
  void a_request_wakes_a_deployment_scaled_to_zero_and_is_served() throws Exception {
    deployment("sleepy", 0);
    startPaastis();

    TestHttp.Response response = TestHttp.get(client, paastis.port(), "sleepy.proxy.test", "/hi");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().getString("path")).isEqualTo("/hi");
    assertThat(cluster.deployment("apps", "sleepy").getSpec().getReplicas()).isEqualTo(1);
  }

  @Test
  void an_idle_deployment_is_scaled_to_zero_then_woken_with_its_replicas() throws Exception {
    deployment("shop", 2);
    startPaastis();
    TestHttp.get(client, paastis.port(), "shop.proxy.test", "/");
    // an app still starting is not stopped: wait for the watch to bring its ready replicas
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> provider.status("shop").await().state() == AppState.RUNNING);

    clock.advance(Duration.ofMinutes(6));
    paastis.tick().await();
    assertThat(cluster.deployment("apps", "shop").getSpec().getReplicas()).isZero();
    assertThat(cluster.deployment("apps", "shop").getMetadata().getAnnotations())
        .containsEntry(Workload.REPLICAS, "2");

    assertThat(TestHttp.get(client, paastis.port(), "shop.proxy.test", "/").status())
        .isEqualTo(200);
    // the wake may answer before the start is through: its pods were still terminating
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> cluster.deployment("apps", "shop").getSpec().getReplicas() == 2);
  }
}
