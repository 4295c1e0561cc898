package dev.paastis.events;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of events, newest first.
 *
 * @param next where the next (older) page starts; empty when this page is the last
 */
public record EventPage(List<Event> events, Optional<EventCursor> next) {

  public EventPage {
    events = List.copyOf(events);
    Objects.requireNonNull(next, "next");
  }
}
