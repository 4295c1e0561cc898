package dev.paastis.internal.events.postgres;

import dev.paastis.events.Event;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes events in order, in batches, off the caller's path: appending only queues. While
 * PostgreSQL cannot be reached (or the schema is not migrated yet) events wait in a bounded queue;
 * past its capacity the oldest are dropped, counted and logged. One batch is written at a time, so
 * the table receives them in the order they happened.
 */
final class EventWriter {

  private static final Logger LOG = LoggerFactory.getLogger(EventWriter.class);
  private static final int BATCH = 500;
  private static final long RETRY_MS = 1_000;
  static final String INSERT =
      "INSERT INTO paastis_events (type, app, provider, occurred_at, details, instance)"
          + " VALUES ($1, $2, $3, $4, $5, $6)";

  private record Pending(Event event, Promise<Void> written) {}

  private final Vertx vertx;
  private final Pool pool;
  private final int capacity;
  private final ArrayDeque<Pending> queue = new ArrayDeque<>();

  /** Guarded by {@code this}. */
  private boolean writing;

  /** Guarded by {@code this}. */
  private boolean ready;

  /** Guarded by {@code this}. */
  private long dropped;

  private volatile boolean failing;

  /** The last event accepted, which {@link #drain} waits for. */
  private volatile Pending last;

  private final String instanceId;

  EventWriter(Vertx vertx, Pool pool, int capacity, String instanceId) {
    this.instanceId = instanceId;
    this.vertx = vertx;
    this.pool = pool;
    this.capacity = capacity;
  }

  /** Completes once the event is in the table; fails if the queue had to drop it. */
  Future<Void> append(Event event) {
    Promise<Void> written = Promise.promise();
    Pending drop = null;
    synchronized (this) {
      if (queue.size() == capacity) {
        drop = queue.removeFirst();
        dropped++;
      }
      Pending pending = new Pending(event, written);
      queue.addLast(pending);
      last = pending;
    }
    if (drop != null) {
      dropped(drop);
    }
    writeSoon(0);
    return written.future();
  }

  /** The schema is there: writing may begin. */
  void ready() {
    synchronized (this) {
      ready = true;
    }
    writeSoon(0);
  }

  /**
   * Completes once every event queued now is written, or after {@code grace} (a stop must not wait
   * for a database that does not answer).
   */
  Future<Void> drain(java.time.Duration grace) {
    Pending last = this.last;
    if (last == null || last.written().future().isComplete()) {
      return Future.succeededFuture();
    }
    Promise<Void> drained = Promise.promise();
    long timer = vertx.setTimer(grace.toMillis(), id -> drained.tryComplete());
    last.written()
        .future()
        .onComplete(
            done -> {
              vertx.cancelTimer(timer);
              drained.tryComplete();
            });
    return drained.future();
  }

  synchronized int waiting() {
    return queue.size();
  }

  private void dropped(Pending drop) {
    long total;
    synchronized (this) {
      total = dropped;
    }
    // a power of two: the log says it often at first, then less and less
    if (Long.bitCount(total) == 1) {
      LOG.warn(
          "{} events dropped so far: PostgreSQL could not take them and the buffer of {} is full"
              + " (EVENTS_BUFFER_CAPACITY)",
          total,
          capacity);
    }
    drop.written()
        .tryFail(
            new IllegalStateException(
                "event dropped: the buffer of "
                    + capacity
                    + " events waiting for PostgreSQL is full"));
  }

  private void writeSoon(long delayMs) {
    synchronized (this) {
      if (writing || !ready || queue.isEmpty()) {
        return;
      }
      writing = true;
    }
    if (delayMs == 0) {
      vertx.runOnContext(ignored -> write());
    } else {
      vertx.setTimer(delayMs, ignored -> write());
    }
  }

  private void write() {
    List<Pending> batch = new ArrayList<>();
    synchronized (this) {
      while (batch.size() < BATCH && !queue.isEmpty()) {
        batch.add(queue.removeFirst());
      }
    }
    List<Tuple> rows = new ArrayList<>(batch.size());
    batch.forEach(pending -> rows.add(row(pending.event()).addString(instanceId)));
    pool.preparedQuery(INSERT)
        .executeBatch(rows)
        .onComplete(
            done -> {
              if (done.succeeded()) {
                written(batch);
              } else {
                failed(batch, done.cause());
              }
            });
  }

  private void written(List<Pending> batch) {
    if (failing) {
      failing = false;
      LOG.info("PostgreSQL takes events again");
    }
    batch.forEach(pending -> pending.written().tryComplete());
    synchronized (this) {
      writing = false;
    }
    writeSoon(0);
  }

  /** The batch goes back to the head of the queue, in order, and is tried again later. */
  private void failed(List<Pending> batch, Throwable failure) {
    if (!failing) {
      failing = true;
      LOG.warn(
          "events not written, kept (up to {}) until PostgreSQL answers: {}",
          capacity,
          failure.getMessage());
    }
    List<Pending> overflow = new ArrayList<>();
    synchronized (this) {
      for (int i = batch.size() - 1; i >= 0; i--) {
        queue.addFirst(batch.get(i));
      }
      while (queue.size() > capacity) {
        overflow.add(queue.removeFirst());
        dropped++;
      }
      writing = false;
    }
    overflow.forEach(this::dropped);
    writeSoon(RETRY_MS);
  }

  static Tuple row(Event event) {
    return Tuple.of(
        event.type().name(),
        event.app(),
        event.provider(),
        event.at().atOffset(ZoneOffset.UTC),
        new JsonObject(new HashMap<>(event.details())));
  }
}
