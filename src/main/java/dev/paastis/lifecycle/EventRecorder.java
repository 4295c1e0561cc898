package dev.paastis.lifecycle;

import dev.paastis.events.Event;
import dev.paastis.events.EventStore;
import dev.paastis.events.EventType;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Appends domain events without letting a failing event store break a start or a stop. */
public final class EventRecorder {

  private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);

  private final EventStore store;
  private final Clock clock;

  public EventRecorder(EventStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public void record(EventType type, String app, String provider, Map<String, Object> details) {
    store
        .append(new Event(type, app, provider, clock.instant(), details))
        .onFailure(
            failure ->
                LOG.warn("could not record event {} of app {}: {}", type, app, failure.toString()));
  }

  public void record(EventType type, String app, String provider) {
    record(type, app, provider, Map.of());
  }
}
