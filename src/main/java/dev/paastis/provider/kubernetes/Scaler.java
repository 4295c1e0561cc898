package dev.paastis.provider.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;

/**
 * What Paastis changes on a workload: the annotation {@code paastis.dev/replicas} (merge patch),
 * and the replicas through the scale subresource. Blocking: called on a worker thread.
 */
final class Scaler {

  private static final PatchContext MERGE = PatchContext.of(PatchType.JSON_MERGE);

  private final KubernetesClient client;

  Scaler(KubernetesClient client) {
    this.client = client;
  }

  /**
   * Saves the replicas in the annotation, then scales to 0. In that order: a stop cut between the
   * two leaves the app running with its count saved, never stopped with it lost.
   */
  void stop(Workload workload) {
    String annotation =
        "{\"metadata\":{\"annotations\":{\""
            + Workload.REPLICAS
            + "\":\""
            + workload.replicas()
            + "\"}}}";
    workload
        .kind()
        .on(client)
        .inNamespace(workload.namespace())
        .withName(workload.name())
        .patch(MERGE, annotation);
    scale(workload, 0);
  }

  void scale(Workload workload, int replicas) {
    workload
        .kind()
        .on(client)
        .inNamespace(workload.namespace())
        .withName(workload.name())
        .subresource("scale")
        .patch(MERGE, "{\"spec\":{\"replicas\":" + replicas + "}}");
  }
}
