package dev.paastis.internal.registry.redis;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last-access writes, off the proxy's path: each touch is kept (the latest per app) and written
 * with the others in one pipeline shortly after. While Redis cannot be reached they are kept and
 * written when it returns; a touch only moves the last access forward, so a late one is harmless.
 */
final class TouchBuffer {

  private static final Logger LOG = LoggerFactory.getLogger(TouchBuffer.class);

  /** How long touches gather before one pipeline writes them. */
  static final long FLUSH_DELAY_MS = 50;

  /** How long to wait before writing again after Redis failed. */
  static final long RETRY_DELAY_MS = 1_000;

  private final Vertx vertx;
  private final RedisRegistry store;
  private final Map<String, Long> pending = new ConcurrentHashMap<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private volatile boolean failing;

  /** Completed by the flush that takes the touches made since the last one. */
  private final AtomicReference<Promise<Void>> nextFlush = new AtomicReference<>(Promise.promise());

  TouchBuffer(Vertx vertx, RedisRegistry store) {
    this.vertx = vertx;
    this.store = store;
  }

  /**
   * Completes once the touch is written, or kept for later because Redis could not be reached (it
   * is not lost either way).
   */
  Future<Void> touch(String key, Instant at) {
    Future<Void> flushed = nextFlush.get().future();
    pending.merge(key, at.toEpochMilli(), Math::max);
    schedule(FLUSH_DELAY_MS);
    return flushed;
  }

  /** Touches not written yet, for health and tests. */
  int pending() {
    return pending.size();
  }

  private void schedule(long delayMs) {
    if (scheduled.compareAndSet(false, true)) {
      vertx.setTimer(delayMs, id -> flush());
    }
  }

  private Future<Void> flush() {
    Promise<Void> flushed = nextFlush.getAndSet(Promise.promise());
    return write().onComplete(flushed);
  }

  private Future<Void> write() {
    List<Map.Entry<String, Long>> batch = new ArrayList<>();
    for (Map.Entry<String, Long> entry : pending.entrySet()) {
      // taken out only if no later touch replaced it meanwhile
      if (pending.remove(entry.getKey(), entry.getValue())) {
        batch.add(Map.entry(entry.getKey(), entry.getValue()));
      }
    }
    scheduled.set(false);
    if (batch.isEmpty()) {
      return Future.succeededFuture();
    }
    List<RedisScript.Call> calls = new ArrayList<>(batch.size());
    batch.forEach(
        entry -> {
          Instant at = Instant.ofEpochMilli(entry.getValue());
          calls.add(
              Scripts.TOUCH.call(
                  store.touchKeys(entry.getKey()), RedisRegistry.touchArgs(entry.getKey(), at)));
        });
    return RedisScript.batch(store.redis(), calls)
        .onSuccess(written -> recovered(batch.size()))
        .recover(failure -> failed(batch, failure))
        .mapEmpty();
  }

  private void recovered(int written) {
    if (failing) {
      failing = false;
      LOG.info("Redis answers again: {} kept last-access times written", written);
    }
  }

  private Future<List<Response>> failed(List<Map.Entry<String, Long>> batch, Throwable failure) {
    if (failure instanceof Response) {
      // an error reply: Redis answered with an error (a record it cannot edit): writing again would
      // not help
      LOG.warn("last-access times of {} apps not written: {}", batch.size(), failure.getMessage());
      return Future.succeededFuture(List.of());
    }
    batch.forEach(entry -> pending.merge(entry.getKey(), entry.getValue(), Math::max));
    if (!failing) {
      failing = true;
      LOG.warn("last-access times not written, kept until Redis answers: {}", failure.getMessage());
    }
    schedule(RETRY_DELAY_MS);
    return Future.succeededFuture(List.of());
  }

  /** Writes what is pending now; completes once written, or kept for later when Redis failed. */
  Future<Void> drain() {
    return flush();
  }
}
