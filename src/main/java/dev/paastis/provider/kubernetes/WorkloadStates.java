package dev.paastis.provider.kubernetes;

import dev.paastis.app.AppState;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A workload's state from what the informers saw: 0 replicas wanted → stopped; as many ready as
 * wanted, for the current spec → running; a pod of it crash-looping or failing to pull its image,
 * or a Deployment past its progress deadline → failed; otherwise starting.
 */
final class WorkloadStates {

  /** Waiting reasons the kubelet will not get out of without a change to the workload. */
  static final Set<String> FAILING = Set.of("CrashLoopBackOff", "ImagePullBackOff");

  private WorkloadStates() {}

  /**
   * @param pods pods of the workload's namespace, any of them
   */
  static AppState of(Workload workload, Collection<Pod> pods) {
    if (workload.replicas() == 0) {
      return AppState.STOPPED;
    }
    // a status written before the latest scale says nothing about it
    boolean current = workload.observedGeneration() >= workload.generation();
    if (current && workload.ready() >= workload.replicas()) {
      return AppState.RUNNING;
    }
    if (workload.progressDeadlineExceeded() || anyFailing(workload, pods)) {
      return AppState.FAILED;
    }
    return AppState.STARTING;
  }

  private static boolean anyFailing(Workload workload, Collection<Pod> pods) {
    return pods.stream()
        .filter(pod -> Selectors.matches(workload.selector(), pod.getMetadata().getLabels()))
        .flatMap(WorkloadStates::containers)
        .anyMatch(
            container ->
                container.getState() != null
                    && container.getState().getWaiting() != null
                    && FAILING.contains(container.getState().getWaiting().getReason()));
  }

  private static Stream<ContainerStatus> containers(Pod pod) {
    if (pod.getStatus() == null) {
      return Stream.empty();
    }
    return Stream.of(
            pod.getStatus().getInitContainerStatuses(), pod.getStatus().getContainerStatuses())
        .filter(statuses -> statuses != null)
        .flatMap(List::stream);
  }
}
