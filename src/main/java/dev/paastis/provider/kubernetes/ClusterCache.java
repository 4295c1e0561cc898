package dev.paastis.provider.kubernetes;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The informers' stores: what the cluster last told of the labelled workloads and of the pods of
 * their namespaces. Reading it costs no API call; the informers keep it current from their watches,
 * on their own threads.
 */
record ClusterCache(
    List<SharedIndexInformer<Deployment>> deployments,
    List<SharedIndexInformer<StatefulSet>> statefulSets,
    List<SharedIndexInformer<Pod>> pods) {

  ClusterCache {
    deployments = List.copyOf(deployments);
    statefulSets = List.copyOf(statefulSets);
    pods = List.copyOf(pods);
  }

  List<Workload> workloads() {
    List<Workload> workloads = new ArrayList<>();
    deployments.forEach(
        informer -> informer.getStore().list().forEach(item -> workloads.add(Workload.of(item))));
    statefulSets.forEach(
        informer -> informer.getStore().list().forEach(item -> workloads.add(Workload.of(item))));
    return workloads;
  }

  List<Pod> pods(String namespace) {
    return pods.stream()
        .flatMap(
            informer -> informer.getIndexer().byIndex(Cache.NAMESPACE_INDEX, namespace).stream())
        .toList();
  }

  Stream<SharedIndexInformer<?>> informers() {
    return Stream.of(deployments, statefulSets, pods).flatMap(List::stream);
  }
}
