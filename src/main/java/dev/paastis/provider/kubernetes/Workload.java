package dev.paastis.provider.kubernetes;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What Paastis reads of a Deployment or a StatefulSet, as the informer last saw it.
 *
 * @param replicas the desired replicas ({@code spec.replicas})
 * @param ready {@code status.readyReplicas}
 * @param generation {@code metadata.generation}: the spec's version
 * @param observedGeneration the spec version the controller has acted on
 * @param selector which pods are the workload's
 * @param progressDeadlineExceeded a Deployment's {@code Progressing} condition says so
 */
record Workload(
    WorkloadKind kind,
    String namespace,
    String name,
    Map<String, String> annotations,
    int replicas,
    int ready,
    long generation,
    long observedGeneration,
    LabelSelector selector,
    boolean progressDeadlineExceeded) {

  /** The app key, when the workload's name is not the one wanted in Host names. */
  static final String APP_NAME = "paastis.dev/app-name";

  /** The URL requests go to, when the Service of the same name is not the way. */
  static final String UPSTREAM = "paastis.dev/upstream";

  /** The replicas the workload had when Paastis last stopped it. */
  static final String REPLICAS = "paastis.dev/replicas";

  Workload {
    annotations = Map.copyOf(annotations);
    Objects.requireNonNull(selector, "selector");
  }

  static Workload of(Deployment deployment) {
    var status = deployment.getStatus();
    boolean deadline =
        status != null
            && status.getConditions() != null
            && status.getConditions().stream()
                .anyMatch(
                    condition ->
                        "Progressing".equals(condition.getType())
                            && "False".equals(condition.getStatus())
                            && "ProgressDeadlineExceeded".equals(condition.getReason()));
    return new Workload(
        WorkloadKind.DEPLOYMENT,
        deployment.getMetadata().getNamespace(),
        deployment.getMetadata().getName(),
        orEmpty(deployment.getMetadata().getAnnotations()),
        orOne(deployment.getSpec().getReplicas()),
        status == null ? 0 : orZero(status.getReadyReplicas()),
        orZeroLong(deployment.getMetadata().getGeneration()),
        status == null ? 0 : orZeroLong(status.getObservedGeneration()),
        orNone(deployment.getSpec().getSelector()),
        deadline);
  }

  static Workload of(StatefulSet set) {
    var status = set.getStatus();
    return new Workload(
        WorkloadKind.STATEFUL_SET,
        set.getMetadata().getNamespace(),
        set.getMetadata().getName(),
        orEmpty(set.getMetadata().getAnnotations()),
        orOne(set.getSpec().getReplicas()),
        status == null ? 0 : orZero(status.getReadyReplicas()),
        orZeroLong(set.getMetadata().getGeneration()),
        status == null ? 0 : orZeroLong(status.getObservedGeneration()),
        orNone(set.getSpec().getSelector()),
        false);
  }

  /** The app key: the annotation {@code paastis.dev/app-name}, else the workload's name. */
  String key() {
    String named = annotations.get(APP_NAME);
    return named == null || named.isBlank() ? name : named.trim();
  }

  /** The replicas saved at the last stop, when the annotation holds a positive number. */
  Optional<Integer> savedReplicas() {
    try {
      return Optional.ofNullable(annotations.get(REPLICAS))
          .map(value -> Integer.parseInt(value.trim()))
          .filter(replicas -> replicas > 0);
    } catch (NumberFormatException notANumber) {
      return Optional.empty();
    }
  }

  /** {@code Deployment default/shop}, for messages. */
  String describe() {
    return kind + " " + namespace + "/" + name;
  }

  // Kubernetes defaults spec.replicas to 1 when unset
  private static int orOne(Integer value) {
    return value == null ? 1 : value;
  }

  private static int orZero(Integer value) {
    return value == null ? 0 : value;
  }

  private static long orZeroLong(Long value) {
    return value == null ? 0 : value;
  }

  private static Map<String, String> orEmpty(Map<String, String> value) {
    return value == null ? Map.of() : value;
  }

  private static LabelSelector orNone(LabelSelector selector) {
    return selector == null ? new LabelSelector() : selector;
  }
}
