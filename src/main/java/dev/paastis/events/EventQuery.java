package dev.paastis.events;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which events to read: every filter that is set must match.
 *
 * @param app only this app's events, empty for all
 * @param types only these types, empty for all
 * @param since only events at or after this instant, empty for all
 * @param until only events strictly before this instant, empty for all
 * @param limit at most this many, the newest first
 * @param after only the events older than this cursor (the next page of an earlier query)
 */
public record EventQuery(
    Optional<String> app,
    Set<EventType> types,
    Optional<Instant> since,
    Optional<Instant> until,
    int limit,
    Optional<EventCursor> after) {

  public static final int MAX_LIMIT = 1000;

  public EventQuery {
    Objects.requireNonNull(app, "app");
    types = Set.copyOf(types);
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(until, "until");
    Objects.requireNonNull(after, "after");
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
    }
  }

  /** The first page: no cursor. */
  public EventQuery(
      Optional<String> app,
      Set<EventType> types,
      Optional<Instant> since,
      Optional<Instant> until,
      int limit) {
    this(app, types, since, until, limit, Optional.empty());
  }

  /** The same query, from {@code cursor} on. */
  public EventQuery after(EventCursor cursor) {
    return new EventQuery(app, types, since, until, limit, Optional.of(cursor));
  }

  /** The newest events of every app and type. */
  public static EventQuery recent(int limit) {
    return new EventQuery(Optional.empty(), Set.of(), Optional.empty(), Optional.empty(), limit);
  }

  public boolean matches(Event event) {
    return app.map(event.app()::equals).orElse(true)
        && (types.isEmpty() || types.contains(event.type()))
        && since.map(s -> !event.at().isBefore(s)).orElse(true)
        && until.map(u -> event.at().isBefore(u)).orElse(true);
  }
}
