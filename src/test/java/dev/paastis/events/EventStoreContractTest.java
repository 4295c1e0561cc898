package dev.paastis.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every {@link EventStore} must do; each implementation's test supplies the instance. */
public abstract class EventStoreContractTest {

  /** A store that keeps at least {@code capacity} events. */
  protected abstract EventStore newStore(int capacity) throws Exception;

  private static Event event(EventType type, String app, int second) {
    return new Event(
        type, app, "local", Instant.parse("2026-01-01T10:00:00Z").plusSeconds(second), Map.of());
  }

  @Test
  void recent_gives_the_newest_events_first_up_to_the_limit() throws Exception {
    EventStore store = newStore(10);
    store.append(event(EventType.APP_REGISTERED, "a", 1)).await();
    store.append(event(EventType.APP_STARTING, "a", 2)).await();
    store.append(event(EventType.APP_STARTED, "a", 3)).await();

    assertThat(store.recent(2).await())
        .extracting(Event::type)
        .containsExactly(EventType.APP_STARTED, EventType.APP_STARTING);
  }

  @Test
  void details_travel_with_the_event() throws Exception {
    EventStore store = newStore(10);
    Event started =
        new Event(
            EventType.APP_STARTED,
            "shop",
            "local",
            Instant.parse("2026-01-01T10:00:00Z"),
            Map.of("durationMs", 1234L));

    store.append(started).await();

    assertThat(store.recent(1).await()).containsExactly(started);
  }
}
