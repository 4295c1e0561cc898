package dev.paastis.provider.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import java.util.Optional;
import java.util.function.Function;

/** The workloads Paastis scales: both have replicas and the scale subresource. */
enum WorkloadKind {
  DEPLOYMENT(
      "Deployment", client -> client.apps().deployments(), item -> Workload.of((Deployment) item)),
  STATEFUL_SET(
      "StatefulSet",
      client -> client.apps().statefulSets(),
      item -> Workload.of((StatefulSet) item));

  private final String kind;
  private final Function<KubernetesClient, MixedOperation<? extends HasMetadata, ?, ?>> operations;
  private final Function<HasMetadata, Workload> reading;

  WorkloadKind(
      String kind,
      Function<KubernetesClient, MixedOperation<? extends HasMetadata, ?, ?>> operations,
      Function<HasMetadata, Workload> reading) {
    this.kind = kind;
    this.operations = operations;
    this.reading = reading;
  }

  /** The workload as the API server has it now (one {@code get}), empty when it is gone. */
  Optional<Workload> read(KubernetesClient client, String namespace, String name) {
    HasMetadata item = on(client).inNamespace(namespace).withName(name).get();
    return Optional.ofNullable(item).map(reading);
  }

  /** The client's operations on this kind of workload. */
  MixedOperation<? extends HasMetadata, ?, ?> on(KubernetesClient client) {
    return operations.apply(client);
  }

  @Override
  public String toString() {
    return kind;
  }
}
