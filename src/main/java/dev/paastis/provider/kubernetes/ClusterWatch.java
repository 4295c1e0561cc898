package dev.paastis.provider.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.AnyNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the informers once, on first need: Deployments and StatefulSets carrying the label
 * selector, and pods, in each watched namespace (or in all). Once synced they reconnect by
 * themselves; a start that failed (API unreachable, credentials refused) or an informer that
 * stopped on an error is started again at the next call.
 */
final class ClusterWatch {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterWatch.class);

  private final KubernetesClient client;
  private final Namespaces namespaces;
  private final String labelSelector;
  private CompletableFuture<ClusterCache> started;
  private ClusterCache current;
  private volatile boolean broken;

  ClusterWatch(KubernetesClient client, Namespaces namespaces, String labelSelector) {
    this.client = client;
    this.namespaces = namespaces;
    this.labelSelector = labelSelector;
  }

  /** The cache once every informer has listed; fails as the first listing that failed. */
  synchronized CompletableFuture<ClusterCache> synced() {
    if (started == null || started.isCompletedExceptionally() || broken) {
      stop();
      broken = false;
      started = start();
    }
    return started;
  }

  private CompletableFuture<ClusterCache> start() {
    ClusterCache cache =
        new ClusterCache(
            informers(client.apps().deployments(), Optional.of(labelSelector)),
            informers(client.apps().statefulSets(), Optional.of(labelSelector)),
            informers(client.pods(), Optional.empty()));
    current = cache;
    CompletableFuture<?>[] starts =
        cache
            .informers()
            .map(
                informer -> {
                  informer.stopped().whenComplete((done, failure) -> onStopped(cache, failure));
                  return informer.start().toCompletableFuture();
                })
            .toArray(CompletableFuture[]::new);
    CompletableFuture<ClusterCache> synced =
        CompletableFuture.allOf(starts).thenApply(all -> cache);
    return synced;
  }

  /** An informer that stopped on an error after its start; a failed start is the caller's. */
  private synchronized void onStopped(ClusterCache cache, Throwable failure) {
    if (failure == null || cache != current) {
      return;
    }
    broken = true;
    if (started.isDone() && !started.isCompletedExceptionally()) {
      LOG.warn(
          "a Kubernetes watch stopped ({}): the watches start again at the next call",
          failure.toString());
    }
  }

  private <T extends HasMetadata> List<SharedIndexInformer<T>> informers(
      MixedOperation<T, ?, ?> operation, Optional<String> selector) {
    if (namespaces.all()) {
      return List.of(informer(operation.inAnyNamespace(), selector));
    }
    return namespaces.names().stream()
        .map(namespace -> informer(operation.inNamespace(namespace), selector))
        .toList();
  }

  private static <T extends HasMetadata> SharedIndexInformer<T> informer(
      AnyNamespaceOperation<T, ?, ?> scope, Optional<String> selector) {
    // no resync: the watch brings every change, and nothing here acts on repeated events
    return selector.isPresent()
        ? scope.withLabelSelector(selector.get()).runnableInformer(0)
        : scope.runnableInformer(0);
  }

  synchronized void stop() {
    if (current != null) {
      current.informers().forEach(SharedIndexInformer::stop);
    }
    current = null;
    started = null;
  }
}
