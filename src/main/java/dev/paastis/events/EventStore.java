package dev.paastis.events;

import io.vertx.core.Future;
import java.util.List;
import java.util.function.Consumer;

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
  default Future<List<Event>> find(EventQuery query) {
    return page(query).map(EventPage::events);
  }

  /**
   * A page of the newest events that match the query, at most its limit, from its cursor on, and
   * where the next page starts. Paging through an app's whole history sees each event once.
   */
  Future<EventPage> page(EventQuery query);

  /**
   * Prepares the store (a database's schema). Fails only when Paastis must not start with it; a
   * store that cannot be reached yet keeps trying on its own.
   */
  default Future<Void> start() {
    return Future.succeededFuture();
  }

  /**
   * Calls {@code listener} with the events other instances append, for a store several instances
   * share (on a Vert.x thread, from {@link #start} on); a store of one instance never calls it.
   */
  default void listenToOthers(Consumer<Event> listener) {}

  /** Releases connections. Idempotent. */
  default Future<Void> close() {
    return Future.succeededFuture();
  }
}
