package dev.paastis.internal.events.memory;

import dev.paastis.events.Event;
import dev.paastis.events.EventCursor;
import dev.paastis.events.EventPage;
import dev.paastis.events.EventQuery;
import dev.paastis.events.EventStore;
import io.vertx.core.Future;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** Keeps the newest {@code capacity} events in memory; the oldest are dropped first. */
public final class InMemoryEventStore implements EventStore {

  private final int capacity;
  private final ArrayDeque<Stored> events;
  private long appended;

  /** An event and its sequence number, the position a cursor names. */
  private record Stored(Event event, long position) {}

  public InMemoryEventStore(int capacity) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("capacity must be > 0, got " + capacity);
    }
    this.capacity = capacity;
    this.events = new ArrayDeque<>(Math.min(capacity, 1024));
  }

  @Override
  public synchronized Future<Void> append(Event event) {
    if (events.size() == capacity) {
      events.removeFirst();
    }
    events.addLast(new Stored(event, ++appended));
    return Future.succeededFuture();
  }

  /** Newest first is latest appended first; a cursor names a sequence number. */
  @Override
  public synchronized Future<EventPage> page(EventQuery query) {
    long before = query.after().map(EventCursor::position).orElse(Long.MAX_VALUE);
    List<Event> newestFirst = new ArrayList<>(Math.min(query.limit(), events.size()));
    Stored last = null;
    boolean more = false;
    Iterator<Stored> it = events.descendingIterator();
    while (it.hasNext()) {
      Stored stored = it.next();
      if (stored.position() >= before || !query.matches(stored.event())) {
        continue;
      }
      if (newestFirst.size() == query.limit()) {
        more = true;
        break;
      }
      newestFirst.add(stored.event());
      last = stored;
    }
    Optional<EventCursor> next =
        more ? Optional.of(new EventCursor(last.event().at(), last.position())) : Optional.empty();
    return Future.succeededFuture(new EventPage(newestFirst, next));
  }
}
