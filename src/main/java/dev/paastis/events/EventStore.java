package dev.paastis.events;

import io.vertx.core.Future;
import java.util.List;

/**
 * Where domain events are kept. Appending never blocks the caller's thread; futures may complete on
 * any thread.
 */
public interface EventStore {

  Future<Void> append(Event event);

  /** The newest events first, at most {@code limit}. */
  default Future<List<Event>> recent(int limit) {
    return find(EventQuery.recent(Math.min(limit, EventQuery.MAX_LIMIT)));
  }

  /** The newest events that match the query first, at most its limit. */
  Future<List<Event>> find(EventQuery query);
}
