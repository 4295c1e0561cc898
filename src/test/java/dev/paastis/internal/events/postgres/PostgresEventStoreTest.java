package dev.paastis.internal.events.postgres;

import dev.paastis.config.EventsConfig;
import dev.paastis.config.Secret;
import dev.paastis.events.EventStore;
import dev.paastis.events.EventStoreContractTest;
import dev.paastis.testing.TestPostgres;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;

class PostgresEventStoreTest extends EventStoreContractTest {

  private final Vertx vertx = Vertx.vertx();
  private final List<EventStore> stores = new ArrayList<>();

  @Override
  protected EventStore newStore(int capacity) {
    EventStore store =
        PostgresEventStore.create(
            vertx,
            new EventsConfig(
                "postgres",
                Optional.of(new Secret(TestPostgres.shared().newDatabase())),
                capacity,
                EventsConfig.DEFAULT_BUFFER_CAPACITY,
                Duration.ofDays(3650)), // the contract's events are dated 2026-01-01
            Clock.systemUTC());
    store.start().await();
    stores.add(store);
    return store;
  }

  @AfterEach
  void close() {
    stores.forEach(store -> store.close().await());
    vertx.close().await();
  }
}
