package dev.paastis.provider.kubernetes;

import dev.paastis.app.Formation;
import dev.paastis.provider.Provider;
import dev.paastis.provider.ProviderContractTest;
import io.vertx.core.Vertx;
import java.util.Map;

/**
 * The Kubernetes provider passes the provider contract against fabric8's mock API server in CRUD
 * mode, a fake kubelet making scaled workloads ready.
 */
class KubernetesProviderContractTest extends ProviderContractTest {

  private Vertx vertx;
  private MockCluster cluster;

  @Override
  protected Provider newProvider() {
    vertx = Vertx.vertx();
    cluster = new MockCluster();
    cluster.deployment("shop", "contract-app", 0, Map.of());
    cluster.service("shop", "contract-app", 8080);
    return cluster.provider(vertx, Namespaces.of("shop"));
  }

  @Override
  protected String stoppedApp() {
    return "contract-app";
  }

  @Override
  protected Formation formation() {
    return Formation.of(Map.of(KubernetesProvider.REPLICAS, 2));
  }

  @Override
  protected void breakTheProvider() {
    cluster.calls.refuseWith(500);
  }

  @Override
  protected void cleanUp() {
    cluster.close();
    vertx.close().await();
  }
}
