package dev.paastis.internal.lifecycle;

import dev.paastis.events.Event;
import dev.paastis.events.EventStore;
import dev.paastis.events.EventType;
import dev.paastis.internal.events.EventFeed;
import dev.paastis.internal.registry.Peers;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes domain events live (here and to the other instances) and appends them to the store,
 * without letting a failing event store break a start or a stop.
 */
public final class EventRecorder {

  private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);

  private final EventStore store;
  private final EventFeed feed;
  private final Clock clock;
  private final Peers peers;

  public EventRecorder(EventStore store, EventFeed feed, Clock clock) {
    this(store, feed, clock, Peers.ALONE);
  }

  /** Also hands each event to the other instances, for their live subscribers. */
  public EventRecorder(EventStore store, EventFeed feed, Clock clock, Peers peers) {
    this.store = store;
    this.feed = feed;
    this.clock = clock;
    this.peers = peers;
  }

  /** Stores the event and hands it to the live subscribers. */
  public void record(EventType type, String app, String provider, Map<String, Object> details) {
    Event event = new Event(type, app, provider, clock.instant(), details);
    feed.publish(event);
    peers.share(event);
    store
        .append(event)
        .onFailure(
            failure ->
                LOG.warn("could not record event {} of app {}: {}", type, app, failure.toString()));
  }

  public void record(EventType type, String app, String provider) {
    record(type, app, provider, Map.of());
  }
}
