package dev.paastis.internal.events.postgres;

import dev.paastis.config.EventsConfig;
import dev.paastis.events.Event;
import dev.paastis.events.EventCursor;
import dev.paastis.events.EventPage;
import dev.paastis.events.EventQuery;
import dev.paastis.events.EventStore;
import dev.paastis.events.EventType;
import dev.paastis.internal.events.EventWire;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event history in PostgreSQL (EVENTS_STORE_TYPE=postgres), shared by every instance and kept
 * across restarts. Appends are queued and written in batches ({@link EventWriter}); reads are SQL
 * on the reactive client, on the event loops. The schema is migrated at {@link #start}; while the
 * database cannot be reached, Paastis runs on and the writer keeps the events.
 */
public final class PostgresEventStore implements EventStore {

  private static final Logger LOG = LoggerFactory.getLogger(PostgresEventStore.class);
  private static final long MIGRATION_RETRY_MS = 5_000;
  private static final long RETENTION_EVERY_MS = Duration.ofDays(1).toMillis();

  /** How long a stop waits for the events still queued to be written. */
  private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

  private final Vertx vertx;
  private final PgUrl url;
  private final Pool pool;
  private final EventWriter writer;
  private final EventNotifications notifications;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Duration retention;
  private final Clock clock;
  private long retentionTimer = -1;

  private PostgresEventStore(Vertx vertx, PgUrl url, EventsConfig config, Clock clock) {
    this.vertx = vertx;
    this.url = url;
    this.retention = config.retention();
    this.clock = clock;
    this.pool =
        PgBuilder.pool()
            .with(new PoolOptions().setMaxSize(4))
            .connectingTo(url.options())
            .using(vertx)
            .build();
    String instanceId = UUID.randomUUID().toString();
    this.writer = new EventWriter(vertx, pool, config.bufferCapacity(), instanceId);
    this.notifications = new EventNotifications(vertx, url.options(), instanceId);
  }

  /** The store at the configuration's DATABASE_URL; nothing is connected before {@link #start}. */
  public static PostgresEventStore create(Vertx vertx, EventsConfig config, Clock clock) {
    String databaseUrl =
        config
            .databaseUrl()
            .orElseThrow(
                () -> new IllegalArgumentException("EVENTS_STORE_TYPE=postgres needs a URL"))
            .value();
    return new PostgresEventStore(vertx, PgUrl.parse(databaseUrl), config, clock);
  }

  /**
   * Migrates the schema, on a worker thread. Fails when the database's schema is newer than this
   * Paastis knows (it must not start); when the database cannot be reached, succeeds and keeps
   * trying in the background (events wait in the writer's buffer meanwhile).
   */
  @Override
  public Future<Void> start() {
    retentionTimer = vertx.setPeriodic(RETENTION_EVERY_MS, id -> pruneNow());
    notifications.start();
    return migrate()
        .recover(
            failure -> {
              if (failure instanceof Migrations.NewerSchemaException) {
                return Future.failedFuture(failure);
              }
              LOG.warn(
                  "PostgreSQL could not be migrated ({}): events are kept in memory until it"
                      + " answers; trying again every {} s",
                  failure.getMessage(),
                  MIGRATION_RETRY_MS / 1000);
              retryMigration();
              return Future.succeededFuture();
            });
  }

  private Future<Void> migrate() {
    return vertx
        .<Void>executeBlocking(
            () -> {
              Migrations.run(url);
              return null;
            },
            false)
        // the retention's first pass before the first write: a start after a long stop prunes
        // what expired meanwhile, and no event written now is mistaken for one of those
        .compose(migrated -> pruneNow())
        .onSuccess(pruned -> writer.ready());
  }

  private void retryMigration() {
    vertx.setTimer(
        MIGRATION_RETRY_MS,
        id -> {
          if (closed.get()) {
            return;
          }
          migrate()
              .onSuccess(done -> LOG.info("PostgreSQL answers: events schema ready"))
              .onFailure(
                  failure -> {
                    if (failure instanceof Migrations.NewerSchemaException) {
                      LOG.error("{}: events are not written", failure.getMessage());
                    } else {
                      retryMigration();
                    }
                  });
        });
  }

  /** The events other instances write, as PostgreSQL announces them. */
  @Override
  public void listenToOthers(Consumer<Event> listener) {
    notifications.listen(listener);
  }

  @Override
  public Future<Void> append(Event event) {
    return writer.append(event);
  }

  /**
   * Newest first by time, then by id (the order the index keeps); one row more than the limit is
   * read to know whether a next page exists.
   */
  @Override
  public Future<EventPage> page(EventQuery query) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT id, type, app, provider, occurred_at, details FROM paastis_events");
    List<Object> args = new ArrayList<>();
    List<String> where = new ArrayList<>();
    query.app().ifPresent(app -> where.add(parameter("app = ", app, args)));
    if (!query.types().isEmpty()) {
      where.add(
          parameter(
                  "type = ANY(",
                  query.types().stream().map(EventType::name).toArray(String[]::new),
                  args)
              + ")");
    }
    query.since().ifPresent(at -> where.add(parameter("occurred_at >= ", utc(at), args)));
    query.until().ifPresent(at -> where.add(parameter("occurred_at < ", utc(at), args)));
    query
        .after()
        .ifPresent(
            cursor -> {
              String at = parameter("", utc(cursor.at()), args);
              where.add(
                  "(occurred_at, id) < ("
                      + at
                      + ", "
                      + parameter("", cursor.position(), args)
                      + ")");
            });
    if (!where.isEmpty()) {
      sql.append(" WHERE ").append(String.join(" AND ", where));
    }
    sql.append(" ORDER BY occurred_at DESC, id DESC LIMIT ").append(query.limit() + 1);
    return pool.preparedQuery(sql.toString())
        .execute(Tuple.wrap(args))
        .map(rows -> page(rows, query.limit()));
  }

  private static EventPage page(Iterable<Row> rows, int limit) {
    List<Event> events = new ArrayList<>(limit);
    Optional<EventCursor> next = Optional.empty();
    long lastId = 0;
    for (Row row : rows) {
      if (events.size() == limit) {
        Event last = events.get(limit - 1);
        next = Optional.of(new EventCursor(last.at(), lastId));
        break;
      }
      events.add(event(row));
      lastId = row.getLong("id");
    }
    return new EventPage(events, next);
  }

  /** Adds the value as the next parameter; returns the condition with its placeholder. */
  private static String parameter(String condition, Object value, List<Object> args) {
    args.add(value);
    return condition + "$" + args.size();
  }

  private static OffsetDateTime utc(java.time.Instant at) {
    return at.atOffset(ZoneOffset.UTC);
  }

  private static Event event(Row row) {
    Object details = row.getValue("details");
    Map<String, Object> map =
        details instanceof JsonObject json ? EventWire.details(json) : Map.of();
    return new Event(
        EventType.valueOf(row.getString("type")),
        row.getString("app"),
        row.getString("provider"),
        row.getOffsetDateTime("occurred_at").toInstant(),
        map);
  }

  /**
   * Deletes the events older than {@code retention}, a few thousand rows per statement, so that no
   * statement holds the table for long. Completes with the number deleted.
   */
  public Future<Long> prune(Duration retention, java.time.Instant now) {
    return prune(utc(now.minus(retention)), 0);
  }

  private Future<Long> prune(OffsetDateTime before, long deletedSoFar) {
    return pool.preparedQuery(
            "DELETE FROM paastis_events WHERE id IN"
                + " (SELECT id FROM paastis_events WHERE occurred_at < $1 LIMIT 5000)")
        .execute(Tuple.of(before))
        .compose(
            rows ->
                rows.rowCount() == 0
                    ? Future.succeededFuture(deletedSoFar)
                    : prune(before, deletedSoFar + rows.rowCount()));
  }

  /**
   * Run at startup and daily by every instance (the deletes of one make the others' quick). Never
   * fails: a prune that fails is logged and tried again the next day.
   */
  private Future<Void> pruneNow() {
    return prune(retention, clock.instant())
        .onSuccess(
            deleted -> {
              if (deleted > 0) {
                LOG.info("{} events older than {} pruned (EVENTS_RETENTION)", deleted, retention);
              }
            })
        .onFailure(failure -> LOG.warn("events not pruned: {}", failure.getMessage()))
        .<Void>mapEmpty()
        .otherwiseEmpty();
  }

  /** Events accepted and not written yet. */
  public int waiting() {
    return writer.waiting();
  }

  @Override
  public Future<Void> close() {
    if (!closed.compareAndSet(false, true)) {
      return Future.succeededFuture();
    }
    vertx.cancelTimer(retentionTimer);
    notifications.close();
    return writer.drain(CLOSE_GRACE).eventually(pool::close);
  }
}
