package dev.paastis.provider.kubernetes;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workloads by app key. Two workloads with one key (same name in two namespaces, or the same
 * {@code paastis.dev/app-name}) cannot both be reached by Host: the first in namespace, kind, name
 * order keeps it, and the clash is logged once.
 */
final class WorkloadIndex {

  private static final Logger LOG = LoggerFactory.getLogger(WorkloadIndex.class);

  private static final Comparator<Workload> ORDER =
      Comparator.comparing(Workload::namespace)
          .thenComparing(Workload::kind)
          .thenComparing(Workload::name);

  private final Set<String> reported = ConcurrentHashMap.newKeySet();

  Map<String, Workload> byKey(List<Workload> workloads) {
    Map<String, Workload> byKey = new LinkedHashMap<>();
    workloads.stream()
        .sorted(ORDER)
        .forEach(
            workload -> {
              Workload first = byKey.putIfAbsent(workload.key(), workload);
              if (first != null && reported.add(workload.describe())) {
                LOG.warn(
                    "{} has the app key {}, which {} has already: it is not managed",
                    workload.describe(),
                    workload.key(),
                    first.describe());
              }
            });
    return byKey;
  }

  Optional<Workload> find(List<Workload> workloads, String key) {
    return Optional.ofNullable(byKey(workloads).get(key));
  }
}
