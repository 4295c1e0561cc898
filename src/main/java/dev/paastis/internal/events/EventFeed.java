package dev.paastis.internal.events;

import dev.paastis.events.Event;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The events of this instance as they happen, for live subscribers such as the admin event stream.
 * Subscribers are called on the publisher's thread and must hand work off rather than block.
 */
public final class EventFeed {

  private static final Logger LOG = LoggerFactory.getLogger(EventFeed.class);

  private final List<Consumer<Event>> subscribers = new CopyOnWriteArrayList<>();

  /** Returns what cancels the subscription. */
  public Runnable subscribe(Consumer<Event> subscriber) {
    subscribers.add(subscriber);
    return () -> subscribers.remove(subscriber);
  }

  public void publish(Event event) {
    for (Consumer<Event> subscriber : subscribers) {
      try {
        subscriber.accept(event);
      } catch (RuntimeException e) {
        LOG.warn("an event subscriber failed on {}: {}", event.type(), e.toString());
      }
    }
  }

  public int subscribers() {
    return subscribers.size();
  }
}
