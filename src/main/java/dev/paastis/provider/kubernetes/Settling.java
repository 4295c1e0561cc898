package dev.paastis.provider.kubernetes;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;

/**
 * Waits for the informer's cache to show a scale that the API server has accepted (the watch brings
 * it within milliseconds), so that a status read just after a stop or a start never reports the
 * state before it. Gives up waiting after {@link #PATIENCE}: the change is made anyway.
 */
final class Settling {

  static final Duration PATIENCE = Duration.ofSeconds(5);

  private static final Duration POLL = Duration.ofMillis(20);

  private final Vertx vertx;
  private final ClusterWatch watch;

  Settling(Vertx vertx, ClusterWatch watch) {
    this.vertx = vertx;
    this.watch = watch;
  }

  /** Completes (never fails) once the cache shows {@code workload} at {@code replicas}. */
  Future<Void> until(Workload workload, int replicas) {
    Promise<Void> settled = Promise.promise();
    check(workload, replicas, System.nanoTime() + PATIENCE.toNanos(), settled);
    return settled.future();
  }

  private void check(Workload workload, int replicas, long giveUpAt, Promise<Void> settled) {
    watch
        .synced()
        .whenComplete(
            (cache, failure) -> {
              if (failure != null
                  || shows(cache, workload, replicas)
                  || System.nanoTime() - giveUpAt >= 0) {
                settled.tryComplete();
              } else {
                vertx.setTimer(POLL.toMillis(), id -> check(workload, replicas, giveUpAt, settled));
              }
            });
  }

  private static boolean shows(ClusterCache cache, Workload workload, int replicas) {
    return cache.workloads().stream()
        .anyMatch(
            seen ->
                seen.kind() == workload.kind()
                    && seen.namespace().equals(workload.namespace())
                    && seen.name().equals(workload.name())
                    && seen.replicas() == replicas);
  }
}
