package dev.paastis.events;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A domain event.
 *
 * @param type what happened
 * @param app the provider app key
 * @param provider the provider of the app
 * @param at when it happened
 * @param details free-form facts, e.g. {@code durationMs} of a start or {@code reason} of a stop
 */
public record Event(
    EventType type, String app, String provider, Instant at, Map<String, Object> details) {

  public Event {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(at, "at");
    details = Map.copyOf(details);
  }
}
