package dev.paastis.internal.lifecycle;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Wakes that wait for another instance to start an app (it holds the claim): they learn the outcome
 * from that instance's news, not by asking the provider. The last outcome of each app is kept, so
 * that a wait registered just after the news still sees it.
 */
final class PeerWaits {

  /** An outcome another instance announced, and when this instance learned it. */
  private record Outcome(long atNanos, String failure) {}

  private final Map<String, List<Promise<Void>>> waiting = new ConcurrentHashMap<>();
  private final Map<String, Outcome> last = new ConcurrentHashMap<>();

  /**
   * Completes once another instance announces it started the app (after {@code sinceNanos}, a
   * {@link System#nanoTime()}), fails when it announces the start failed. The wake's deadline
   * bounds the wait.
   */
  Future<Void> await(String key, long sinceNanos) {
    Promise<Void> promise = Promise.promise();
    waiting.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(promise);
    promise.future().onComplete(done -> remove(key, promise));
    // after registering: news that came in between is in `last`, later news finds the promise
    Outcome outcome = last.get(key);
    if (outcome != null && outcome.atNanos() - sinceNanos >= 0) {
      complete(promise, key, outcome);
    }
    return promise.future();
  }

  void started(String key) {
    announce(key, new Outcome(System.nanoTime(), null));
  }

  void failed(String key, String reason) {
    announce(key, new Outcome(System.nanoTime(), reason));
  }

  private void announce(String key, Outcome outcome) {
    last.put(key, outcome);
    List<Promise<Void>> promises = waiting.get(key);
    if (promises != null) {
      promises.forEach(promise -> complete(promise, key, outcome));
    }
  }

  private static void complete(Promise<Void> promise, String key, Outcome outcome) {
    if (outcome.failure() == null) {
      promise.tryComplete();
    } else {
      promise.tryFail(
          new StartFailedException(
              key, "the instance that started it reports: " + outcome.failure(), null));
    }
  }

  private void remove(String key, Promise<Void> promise) {
    waiting.computeIfPresent(
        key,
        (k, promises) -> {
          promises.remove(promise);
          return promises.isEmpty() ? null : promises;
        });
  }
}
