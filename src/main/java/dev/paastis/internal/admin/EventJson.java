package dev.paastis.internal.admin;

import dev.paastis.events.Event;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** Events as the original system API shows them, also used by the admin API. */
final class EventJson {

  private EventJson() {}

  static JsonObject of(Event event) {
    return new JsonObject()
        .put("type", event.type().name())
        .put("app", event.app())
        .put("provider", event.provider())
        .put("occurred_at", event.at().toString())
        .put("details", new JsonObject(event.details()));
  }

  static JsonArray of(List<Event> events) {
    JsonArray json = new JsonArray();
    events.forEach(event -> json.add(of(event)));
    return json;
  }
}
