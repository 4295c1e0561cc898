package dev.paastis.internal.metrics;

import dev.paastis.events.Event;
import dev.paastis.events.EventPage;
import dev.paastis.events.EventQuery;
import dev.paastis.events.EventStore;
import dev.paastis.internal.lifecycle.Metrics;
import io.vertx.core.Future;
import java.util.List;
import java.util.function.Consumer;

/** Counts the failed operations of an event store; results pass through unchanged. */
public final class MeteredEventStore implements EventStore {

  private final EventStore delegate;
  private final CallOutcomes calls;

  public MeteredEventStore(EventStore delegate, Metrics metrics) {
    this.delegate = delegate;
    this.calls = CallOutcomes.failures(metrics::eventStoreFailed);
  }

  @Override
  public Future<Void> append(Event event) {
    return calls.counted("append", delegate.append(event));
  }

  /** {@link EventStore#recent} reads through this, so its failures count as {@code find}. */
  @Override
  public Future<List<Event>> find(EventQuery query) {
    return calls.counted("find", delegate.find(query));
  }

  @Override
  public Future<EventPage> page(EventQuery query) {
    return calls.counted("find", delegate.page(query));
  }

  @Override
  public Future<Void> start() {
    return delegate.start();
  }

  @Override
  public void listenToOthers(Consumer<Event> listener) {
    delegate.listenToOthers(listener);
  }

  @Override
  public Future<Void> close() {
    return delegate.close();
  }
}
