package dev.paastis.provider.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Plays the controllers and the kubelet that the mock API server lacks: a moment after a workload's
 * spec changes, its status says that many replicas are ready for that generation. A workload named
 * by {@link #neverReady} gets no ready replica, and a pod waiting for the reason given.
 */
final class FakeKubelet implements AutoCloseable {

  /** Tells the kubelet's requests apart from the provider's. */
  static final String USER_AGENT = "fake-kubelet";

  private static final PatchContext MERGE = PatchContext.of(PatchType.JSON_MERGE);

  private final KubernetesClient client;
  private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
  private final Map<String, String> failing = new ConcurrentHashMap<>();
  private final Map<String, Integer> readyNow = new ConcurrentHashMap<>();
  private final List<SharedIndexInformer<?>> informers;

  FakeKubelet(KubernetesClient client) {
    this.client = client;
    this.informers =
        List.of(
            client.apps().deployments().inAnyNamespace().inform(handler(this::deploymentChanged)),
            client.apps().statefulSets().inAnyNamespace().inform(handler(this::setChanged)));
  }

  /**
   * From its next change on, this workload gets no ready replica but a pod waiting for {@code
   * reason} ({@code CrashLoopBackOff}...), or no pod at all when the reason is empty.
   */
  void neverReady(String namespace, String name, String reason) {
    failing.put(namespace + "/" + name, reason);
  }

  /** Whether the workload has a ready replica, as this kubelet last reported it. */
  boolean serves(String namespace, String name) {
    return readyNow.getOrDefault(namespace + "/" + name, 0) > 0;
  }

  private void deploymentChanged(Deployment deployment) {
    var status = deployment.getStatus();
    converge(
        deployment,
        deployment.getSpec().getReplicas(),
        status == null ? null : status.getObservedGeneration(),
        status == null ? null : status.getReadyReplicas(),
        () -> client.apps().deployments());
  }

  private void setChanged(StatefulSet set) {
    var status = set.getStatus();
    converge(
        set,
        set.getSpec().getReplicas(),
        status == null ? null : status.getObservedGeneration(),
        status == null ? null : status.getReadyReplicas(),
        () -> client.apps().statefulSets());
  }

  private void converge(
      HasMetadata workload,
      int replicas,
      Long observed,
      Integer ready,
      Supplier<MixedOperation<? extends HasMetadata, ?, ?>> operations) {
    long generation = workload.getMetadata().getGeneration();
    String namespace = workload.getMetadata().getNamespace();
    String name = workload.getMetadata().getName();
    String reason = replicas > 0 ? failing.get(namespace + "/" + name) : null;
    boolean crash = reason != null;
    int wantReady = crash ? 0 : replicas;
    if (observed != null && observed == generation && ready != null && ready == wantReady) {
      return;
    }
    later.schedule(
        () -> {
          if (crash && !reason.isEmpty()) {
            waitingPod(client, namespace, name, reason);
          }
          operations
              .get()
              .inNamespace(namespace)
              .withName(name)
              .subresource("status")
              .patch(
                  MERGE,
                  "{\"status\":{\"replicas\":"
                      + replicas
                      + ",\"readyReplicas\":"
                      + wantReady
                      + ",\"observedGeneration\":"
                      + generation
                      + "}}");
          readyNow.put(namespace + "/" + name, wantReady);
        },
        200,
        TimeUnit.MILLISECONDS);
  }

  /**
   * A pod of the workload {@code name} (labelled {@code app=<name>}) waiting for {@code reason}.
   */
  static Pod waitingPod(KubernetesClient client, String namespace, String name, String reason) {
    return client
        .pods()
        .inNamespace(namespace)
        .resource(
            new PodBuilder()
                .withNewMetadata()
                .withNamespace(namespace)
                .withName(name + "-" + System.nanoTime())
                .addToLabels("app", name)
                .endMetadata()
                .withNewStatus()
                .addNewContainerStatus()
                .withName("app")
                .withNewState()
                .withNewWaiting()
                .withReason(reason)
                .endWaiting()
                .endState()
                .endContainerStatus()
                .endStatus()
                .build())
        .create();
  }

  private static <T> ResourceEventHandler<T> handler(Consumer<T> changed) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(T added) {
        changed.accept(added);
      }

      @Override
      public void onUpdate(T before, T after) {
        changed.accept(after);
      }

      @Override
      public void onDelete(T deleted, boolean unknownFinalState) {}
    };
  }

  @Override
  public void close() {
    informers.forEach(SharedIndexInformer::stop);
    later.shutdownNow();
    client.close();
  }
}
