package dev.paastis.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

  @Test
  void find_keeps_the_events_that_match_every_filter_newest_first() throws Exception {
    EventStore store = newStore(20);
    store.append(event(EventType.APP_STOPPED, "a", 1)).await();
    store.append(event(EventType.APP_STOPPED, "b", 2)).await();
    store.append(event(EventType.APP_STARTING, "a", 3)).await();
    store.append(event(EventType.APP_STARTED, "a", 4)).await();
    store.append(event(EventType.APP_STOPPED, "a", 5)).await();

    EventQuery query =
        new EventQuery(
            Optional.of("a"),
            Set.of(EventType.APP_STOPPED, EventType.APP_STARTED),
            Optional.of(Instant.parse("2026-01-01T10:00:02Z")),
            Optional.empty(),
            10);

    assertThat(store.find(query).await())
        .extracting(Event::type, Event::app, e -> e.at().getEpochSecond() % 60)
        .containsExactly(
            tuple(EventType.APP_STOPPED, "a", 5L), tuple(EventType.APP_STARTED, "a", 4L));
  }

  @Test
  void find_stops_at_the_limit_since_is_inclusive_and_until_exclusive() throws Exception {
    EventStore store = newStore(20);
    for (int second = 1; second <= 5; second++) {
      store.append(event(EventType.APP_STOPPED, "a", second)).await();
    }

    EventQuery fromThird =
        new EventQuery(
            Optional.empty(),
            Set.of(),
            Optional.of(Instant.parse("2026-01-01T10:00:03Z")),
            Optional.empty(),
            10);
    EventQuery beforeThird =
        new EventQuery(
            Optional.empty(),
            Set.of(),
            Optional.empty(),
            Optional.of(Instant.parse("2026-01-01T10:00:03Z")),
            10);
    EventQuery twoNewest = EventQuery.recent(2);

    assertThat(store.find(fromThird).await()).hasSize(3);
    assertThat(store.find(beforeThird).await())
        .extracting(e -> e.at().getEpochSecond() % 60)
        .containsExactly(2L, 1L);
    assertThat(store.find(twoNewest).await())
        .extracting(e -> e.at().getEpochSecond() % 60)
        .containsExactly(5L, 4L);
  }

  @Test
  void paging_with_the_cursor_sees_every_event_once_newest_first_even_at_one_same_instant()
      throws Exception {
    EventStore store = newStore(100);
    for (int i = 0; i < 25; i++) {
      // three events share each second: the cursor must not skip nor repeat one
      store
          .append(
              new Event(
                  EventType.APP_STARTED,
                  "a",
                  "local",
                  Instant.parse("2026-01-01T10:00:00Z").plusSeconds(i / 3),
                  Map.of("n", (long) i)))
          .await();
    }
    store.append(event(EventType.APP_STARTED, "other", 99)).await();

    EventQuery query =
        new EventQuery(Optional.of("a"), Set.of(), Optional.empty(), Optional.empty(), 10);
    java.util.List<Object> seen = new java.util.ArrayList<>();
    EventPage page = store.page(query).await();
    int pages = 1;
    seen.addAll(page.events().stream().map(event -> event.details().get("n")).toList());
    while (page.next().isPresent()) {
      page = store.page(query.after(page.next().get())).await();
      pages++;
      seen.addAll(page.events().stream().map(event -> event.details().get("n")).toList());
    }

    assertThat(pages).isEqualTo(3);
    java.util.List<Object> expected = new java.util.ArrayList<>();
    for (long i = 24; i >= 0; i--) {
      expected.add(i);
    }
    assertThat(seen).isEqualTo(expected);
  }
}
