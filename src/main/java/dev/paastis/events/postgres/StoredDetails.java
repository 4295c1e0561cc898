package dev.paastis.events.postgres;

import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;

/** An event's details as they come back from the JSONB column or a notification. */
final class StoredDetails {

  private StoredDetails() {}

  /**
   * JSON numbers come back as the narrowest Java type; whole ones are read as {@code long}, the
   * type Paastis writes them with ({@code durationMs}), so that an event reads back equal.
   */
  static Map<String, Object> of(JsonObject json) {
    Map<String, Object> details = new HashMap<>();
    json.forEach(
        entry ->
            details.put(
                entry.getKey(),
                entry.getValue() instanceof Integer whole ? whole.longValue() : entry.getValue()));
    return details;
  }
}
