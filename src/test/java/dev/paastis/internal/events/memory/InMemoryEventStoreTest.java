package dev.paastis.internal.events.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paastis.events.Event;
import dev.paastis.events.EventStore;
import dev.paastis.events.EventStoreContractTest;
import dev.paastis.events.EventType;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InMemoryEventStoreTest extends EventStoreContractTest {

  @Override
  protected EventStore newStore(int capacity) {
    return new InMemoryEventStore(capacity);
  }

  @Test
  void beyond_its_capacity_it_keeps_the_newest_events() {
    EventStore store = new InMemoryEventStore(3);
    for (int i = 0; i < 5; i++) {
      store
          .append(new Event(EventType.APP_STARTED, "app" + i, "local", Instant.EPOCH, Map.of()))
          .await();
    }

    assertThat(store.recent(10).await())
        .extracting(Event::app)
        .containsExactly("app4", "app3", "app2");
  }
}
