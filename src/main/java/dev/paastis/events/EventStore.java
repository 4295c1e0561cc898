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
  Future<List<Event>> recent(int limit);
}
