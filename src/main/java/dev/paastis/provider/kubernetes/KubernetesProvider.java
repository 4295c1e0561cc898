package dev.paastis.provider.kubernetes;

import dev.paastis.app.Formation;
import dev.paastis.app.ProviderApp;
import dev.paastis.config.PaastisConfig;
import dev.paastis.config.ProviderSection;
import dev.paastis.provider.Deadline;
import dev.paastis.provider.Provider;
import dev.paastis.provider.ProviderException;
import dev.paastis.provider.StartupCheck;
import dev.paastis.provider.UnknownAppException;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.vertx5.Vertx5HttpClientFactory;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * Deployments and StatefulSets carrying the label selector, in the watched namespaces. App key =
 * the annotation {@code paastis.dev/app-name}, else the workload's name; upstream = the annotation
 * {@code paastis.dev/upstream}, else the Service of the same name. Listing and status read the
 * informers' caches (no API call); start and stop read the workload afresh, then patch it. The
 * fabric8 client blocks: its calls run on worker threads.
 */
public final class KubernetesProvider implements Provider, StartupCheck {

  static final String NAME = "kubernetes";

  /** The formation's one process type: a workload runs one kind of pod. */
  static final String REPLICAS = "replicas";

  private final Vertx vertx;
  private final KubernetesClient client;
  private final ClusterWatch watch;
  private final Upstreams upstreams;
  private final WorkloadIndex index = new WorkloadIndex();
  private final Scaler scaler;
  private final Settling settling;
  private final KubernetesFailures failures;
  private final Duration operationTimeout;

  /**
   * How the Kubernetes provider reads its variables. It is never chosen by credentials alone: a
   * kubeconfig on the machine says nothing about wanting Paastis to scale that cluster's workloads,
   * so PROVIDER_NAME=kubernetes is required.
   */
  public static ProviderSection section() {
    return new ProviderSection(NAME, variables -> false, KubernetesConfig::read);
  }

  /** The Kubernetes provider the configuration describes; its client shares Paastis's Vertx. */
  public static KubernetesProvider create(Vertx vertx, PaastisConfig config, Clock clock) {
    return connect(vertx, (KubernetesConfig) config.providers().settings(NAME), clock);
  }

  static KubernetesProvider connect(Vertx vertx, KubernetesConfig settings, Clock clock) {
    KubeConnection connection =
        settings
            .connection()
            .orElseThrow(
                () -> new IllegalArgumentException("the Kubernetes provider is not enabled"));
    return new KubernetesProvider(
        vertx, client(vertx, connection.client()), settings, connection.describe(), clock);
  }

  /**
   * A client on Paastis's Vertx that retries a failed call twice (100 ms, then 200 ms), not ten
   * times over minutes as by default: the next tick or request tries again anyway.
   */
  static KubernetesClient client(Vertx vertx, Config config) {
    return new KubernetesClientBuilder()
        .withConfig(new ConfigBuilder(config).withRequestRetryBackoffLimit(2).build())
        .withHttpClientFactory(new Vertx5HttpClientFactory(vertx))
        .build();
  }

  /**
   * @param connection how the client connects, named in the message of a refusal
   */
  KubernetesProvider(
      Vertx vertx,
      KubernetesClient client,
      KubernetesConfig settings,
      String connection,
      Clock clock) {
    this.vertx = vertx;
    this.client = client;
    this.watch = new ClusterWatch(client, settings.watched(), settings.labelSelector());
    this.upstreams = new Upstreams(client, clock);
    this.scaler = new Scaler(client);
    this.settling = new Settling(vertx, watch);
    this.failures = new KubernetesFailures(connection);
    this.operationTimeout = settings.operationTimeout();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Duration operationTimeout() {
    return operationTimeout;
  }

  /** The informers' first listings prove the credentials and the rights, and warm the cache. */
  @Override
  public Future<Void> verify() {
    return cache().mapEmpty();
  }

  @Override
  public Future<List<ProviderApp>> list() {
    return cache()
        .compose(
            cache ->
                blocking(
                    () -> {
                      List<Workload> workloads = cache.workloads();
                      upstreams.retain(workloads);
                      return index.byKey(workloads).values().stream()
                          .map(workload -> describe(workload, cache))
                          .toList();
                    }));
  }

  @Override
  public Future<ProviderApp> status(String key, Deadline deadline) {
    return within(
        deadline,
        "status",
        cache().compose(cache -> blocking(() -> describe(cached(cache, key), cache))));
  }

  /**
   * Scales a workload at 0 to the replicas saved at the last stop, else to those of {@code wanted}
   * (the formation Paastis recorded), else 1. A workload with replicas already is left as it is.
   */
  @Override
  public Future<Void> start(String key, Formation wanted, Deadline deadline) {
    return within(deadline, "start", fresh(key).compose(workload -> scaleUp(workload, wanted)));
  }

  private Future<Void> scaleUp(Workload workload, Formation wanted) {
    if (workload.replicas() > 0) {
      // already scaled up (starting, or by someone else): never scale it down
      return Future.succeededFuture();
    }
    int replicas =
        workload
            .savedReplicas()
            .orElseGet(() -> wanted.restoreOnto(List.of(REPLICAS)).get(REPLICAS));
    return blocking(
            () -> {
              scaler.scale(workload, replicas);
              return null;
            })
        .compose(done -> settling.until(workload, replicas));
  }

  @Override
  public Future<Void> stop(String key) {
    return fresh(key)
        .compose(
            workload -> {
              if (workload.replicas() == 0) {
                return Future.succeededFuture();
              }
              return blocking(
                      () -> {
                        scaler.stop(workload);
                        return null;
                      })
                  .compose(done -> settling.until(workload, 0));
            });
  }

  @Override
  public Future<Void> close() {
    watch.stop();
    return vertx.executeBlocking(
        () -> {
          client.close();
          return null;
        },
        false);
  }

  private ProviderApp describe(Workload workload, ClusterCache cache) {
    return new ProviderApp(
        workload.key(),
        workload.namespace() + "/" + workload.name(),
        NAME,
        WorkloadStates.of(workload, cache.pods(workload.namespace())),
        upstreams.of(workload),
        Optional.of(workload.namespace()),
        Formation.of(Map.of(REPLICAS, workload.replicas())));
  }

  private Workload cached(ClusterCache cache, String key) {
    return index.find(cache.workloads(), key).orElseThrow(() -> new UnknownAppException(NAME, key));
  }

  /** The workload as the API server has it now: an operation must not act on a stale cache. */
  private Future<Workload> fresh(String key) {
    return cache()
        .compose(
            cache ->
                blocking(
                    () -> {
                      Workload known = cached(cache, key);
                      return known
                          .kind()
                          .read(client, known.namespace(), known.name())
                          .orElseThrow(() -> new UnknownAppException(NAME, key));
                    }));
  }

  private Future<ClusterCache> cache() {
    return Future.fromCompletionStage(watch.synced()).recover(this::failed);
  }

  private <T> Future<T> blocking(Callable<T> call) {
    return vertx.executeBlocking(call, false).recover(this::failed);
  }

  private <T> Future<T> failed(Throwable failure) {
    return Future.failedFuture(failures.translate(failure));
  }

  /** The operation, or a failure naming it once the deadline has passed. */
  private <T> Future<T> within(Deadline deadline, String operation, Future<T> work) {
    if (deadline.isNone()) {
      return work;
    }
    return work.timeout(deadline.left().toMillis(), TimeUnit.MILLISECONDS)
        .recover(
            failure ->
                failure instanceof ProviderException
                    ? Future.failedFuture(failure)
                    : Future.failedFuture(
                        new ProviderException(
                            NAME,
                            "Kubernetes API: no answer to the "
                                + operation
                                + " within "
                                + deadline.budget().toSeconds()
                                + " s",
                            failure)));
  }
}
