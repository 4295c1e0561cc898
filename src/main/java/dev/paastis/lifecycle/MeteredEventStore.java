package dev.paastis.lifecycle;

import dev.paastis.events.Event;
import dev.paastis.events.EventQuery;
import dev.paastis.events.EventStore;
import io.vertx.core.Future;
import java.util.List;

/** Counts the failed operations of an event store; results pass through unchanged. */
public final class MeteredEventStore implements EventStore {

  private final EventStore delegate;
  private final Metrics metrics;

  public MeteredEventStore(EventStore delegate, Metrics metrics) {
    this.delegate = delegate;
    this.metrics = metrics;
  }

  @Override
  public Future<Void> append(Event event) {
    return counted("append", delegate.append(event));
  }

  /** {@link EventStore#recent} reads through this, so its failures count as {@code find}. */
  @Override
  public Future<List<Event>> find(EventQuery query) {
    return counted("find", delegate.find(query));
  }

  private <T> Future<T> counted(String operation, Future<T> call) {
    return call.onFailure(failure -> metrics.eventStoreFailed(operation));
  }
}
