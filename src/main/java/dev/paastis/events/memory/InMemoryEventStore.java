package dev.paastis.events.memory;

import dev.paastis.events.Event;
import dev.paastis.events.EventQuery;
import dev.paastis.events.EventStore;
import io.vertx.core.Future;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Keeps the newest {@code capacity} events in memory; the oldest are dropped first. */
public final class InMemoryEventStore implements EventStore {

  private final int capacity;
  private final ArrayDeque<Event> events;

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
    events.addLast(event);
    return Future.succeededFuture();
  }

  @Override
  public synchronized Future<List<Event>> find(EventQuery query) {
    List<Event> newestFirst = new ArrayList<>(Math.min(query.limit(), events.size()));
    Iterator<Event> it = events.descendingIterator();
    while (it.hasNext() && newestFirst.size() < query.limit()) {
      Event event = it.next();
      if (query.matches(event)) {
        newestFirst.add(event);
      }
    }
    return Future.succeededFuture(newestFirst);
  }
}
