package dev.paastis.internal.events.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paastis.config.EventsConfig;
import dev.paastis.config.Secret;
import dev.paastis.events.Event;
import dev.paastis.events.EventType;
import dev.paastis.testing.TestPostgres;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The PostgreSQL store's schema, outages, buffer and retention, on a real server. */
class PostgresEventsTest {

  private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

  private final Vertx vertx = Vertx.vertx();
  private final List<PostgresEventStore> stores = new ArrayList<>();
  private TestPostgres own;

  @AfterEach
  void close() {
    stores.forEach(store -> store.close().await());
    vertx.close().await();
    if (own != null) {
      own.close();
    }
  }

  private PostgresEventStore store(String url, int bufferCapacity) {
    PostgresEventStore store =
        PostgresEventStore.create(
            vertx,
            new EventsConfig(
                "postgres",
                Optional.of(new Secret(url)),
                1000,
                bufferCapacity,
                Duration.ofDays(30)),
            Clock.fixed(NOW, java.time.ZoneOffset.UTC));
    stores.add(store);
    return store;
  }

  private static Event event(String app, int minutesAgo) {
    return new Event(
        EventType.APP_STARTED,
        app,
        "heroku",
        NOW.minus(Duration.ofMinutes(minutesAgo)),
        Map.of("durationMs", 1000L + minutesAgo));
  }

  private static String database(String url) {
    return url.substring(url.lastIndexOf('/') + 1);
  }

  @Test
  void an_empty_database_is_migrated_and_two_instances_starting_together_migrate_it_once() {
    String url = TestPostgres.shared().newDatabase();

    Future.all(store(url, 100).start(), store(url, 100).start()).await();

    assertThat(
            TestPostgres.shared()
                .queryLong(
                    database(url),
                    "SELECT count(*) FROM paastis_schema_history WHERE success AND version = '1'"))
        .isEqualTo(1);
    assertThat(
            TestPostgres.shared().queryLong(database(url), "SELECT count(*) FROM paastis_events"))
        .isZero();
  }

  @Test
  void a_database_migrated_by_a_newer_paastis_is_refused_with_a_clear_line() {
    String url = TestPostgres.shared().newDatabase();
    store(url, 100).start().await();
    TestPostgres.shared()
        .execute(
            database(url),
            "INSERT INTO paastis_schema_history (installed_rank, version, description, type,"
                + " script, checksum, installed_by, execution_time, success) VALUES (2, '2',"
                + " 'future', 'SQL', 'V2__future.sql', 0, 'postgres', 1, true)");

    assertThatThrownBy(() -> store(url, 100).start().await())
        .hasMessage(
            "the events schema in DATABASE_URL is version 2, newer than this Paastis knows (1):"
                + " run the newer Paastis, or point DATABASE_URL at another database");
  }

  @Test
  void events_appended_while_postgres_is_down_are_written_in_order_when_it_returns() {
    own = TestPostgres.ownServer();
    String url = own.newDatabase();
    PostgresEventStore store = store(url, 100);
    store.start().await();
    own.stop();

    List<Future<Void>> appended = new ArrayList<>();
    for (int i = 3; i >= 1; i--) {
      appended.add(store.append(event("shop", i)));
    }
    own.start();

    Future.all(appended).await();
    assertThat(store.recent(10).await())
        .extracting(event -> event.details().get("durationMs"))
        .containsExactly(1001L, 1002L, 1003L);
  }

  @Test
  void past_the_buffer_the_oldest_events_are_dropped_and_the_rest_written() {
    own = TestPostgres.ownServer();
    String url = own.newDatabase();
    PostgresEventStore store = store(url, 2);
    store.start().await();
    own.stop();

    Future<Void> oldest = store.append(event("shop", 3));
    Future<Void> kept1 = store.append(event("shop", 2));
    Future<Void> kept2 = store.append(event("shop", 1));
    own.start();

    assertThatThrownBy(oldest::await).hasMessageContaining("buffer of 2 events");
    Future.all(kept1, kept2).await();
    assertThat(store.recent(10).await()).hasSize(2);
  }

  @Test
  void a_paastis_started_while_postgres_is_down_starts_and_writes_once_it_answers() {
    own = TestPostgres.ownServer();
    String url = own.newDatabase();
    own.stop();
    PostgresEventStore store = store(url, 100);

    store.start().await();
    Future<Void> appended = store.append(event("shop", 1));
    own.start();

    appended.await();
    assertThat(store.recent(10).await()).hasSize(1);
  }

  @Test
  void retention_prunes_the_events_older_than_it_and_keeps_the_others() {
    String url = TestPostgres.shared().newDatabase();
    PostgresEventStore store = store(url, 100);
    store.start().await();
    store.append(event("old", 60 * 24 * 31)).await();
    store.append(event("recent", 60 * 24 * 29)).await();

    assertThat(store.prune(Duration.ofDays(30), NOW).await()).isEqualTo(1);

    assertThat(store.recent(10).await()).extracting(Event::app).containsExactly("recent");
  }

  @Test
  void an_event_one_instance_writes_is_announced_to_the_others_and_not_to_itself() {
    String url = TestPostgres.shared().newDatabase();
    PostgresEventStore writer = store(url, 100);
    PostgresEventStore reader = store(url, 100);
    List<Event> seenByReader = new java.util.concurrent.CopyOnWriteArrayList<>();
    List<Event> seenByWriter = new java.util.concurrent.CopyOnWriteArrayList<>();
    reader.listenToOthers(seenByReader::add);
    writer.listenToOthers(seenByWriter::add);
    writer.start().await();
    reader.start().await();
    Event started = event("shop", 1);

    org.awaitility.Awaitility.await()
        .untilAsserted(
            () -> {
              writer.append(started).await();
              assertThat(seenByReader).isNotEmpty();
            });

    assertThat(seenByReader.get(0)).isEqualTo(started);
    assertThat(seenByWriter).isEmpty();
  }
}
