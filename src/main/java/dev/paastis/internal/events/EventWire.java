package dev.paastis.internal.events;

import dev.paastis.events.Event;
import dev.paastis.events.EventType;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * An event as instances hand it to each other (Redis news, PostgreSQL notifications) and as a
 * database gives its details back: {@code type}, {@code app}, {@code provider}, {@code at} in epoch
 * milliseconds, {@code details}.
 */
public final class EventWire {

  private EventWire() {}

  public static JsonObject toJson(Event event) {
    return new JsonObject()
        .put("type", event.type().name())
        .put("app", event.app())
        .put("provider", event.provider())
        .put("at", event.at().toEpochMilli())
        .put("details", new JsonObject(new HashMap<>(event.details())));
  }

  public static Event fromJson(JsonObject json) {
    return new Event(
        EventType.valueOf(json.getString("type")),
        json.getString("app"),
        json.getString("provider"),
        Instant.ofEpochMilli(json.getLong("at")),
        details(json.getJsonObject("details", new JsonObject())));
  }

  /**
   * JSON numbers come back as the narrowest Java type; whole ones are read as {@code long}, the
   * type Paastis writes them with ({@code durationMs}), so that an event reads back equal.
   */
  public static Map<String, Object> details(JsonObject json) {
    Map<String, Object> details = new HashMap<>();
    json.forEach(
        entry ->
            details.put(
                entry.getKey(),
                entry.getValue() instanceof Integer whole ? whole.longValue() : entry.getValue()));
    return details;
  }
}
