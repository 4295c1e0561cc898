package dev.paastis.registry.redis;

import dev.paastis.app.AppState;
import dev.paastis.app.Formation;
import dev.paastis.app.ProviderApp;
import dev.paastis.events.Event;
import dev.paastis.events.EventType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Events and listings as the instances hand them to each other through Redis. */
final class NewsJson {

  private NewsJson() {}

  static JsonObject event(Event event) {
    return new JsonObject()
        .put("type", event.type().name())
        .put("app", event.app())
        .put("provider", event.provider())
        .put("at", event.at().toEpochMilli())
        .put("details", new JsonObject(new HashMap<>(event.details())));
  }

  static Event event(JsonObject json) {
    return new Event(
        EventType.valueOf(json.getString("type")),
        json.getString("app"),
        json.getString("provider"),
        Instant.ofEpochMilli(json.getLong("at")),
        json.getJsonObject("details", new JsonObject()).getMap());
  }

  static JsonArray listing(List<ProviderApp> apps) {
    JsonArray json = new JsonArray();
    apps.forEach(app -> json.add(app(app)));
    return json;
  }

  static List<ProviderApp> listing(JsonArray json) {
    List<ProviderApp> apps = new ArrayList<>(json.size());
    for (int i = 0; i < json.size(); i++) {
      apps.add(app(json.getJsonObject(i)));
    }
    return apps;
  }

  private static JsonObject app(ProviderApp app) {
    JsonObject json =
        new JsonObject()
            .put("key", app.key())
            .put("name", app.displayName())
            .put("provider", app.provider())
            .put("state", app.state().name())
            .put("formation", StoredApp.formation(app.formation()));
    app.upstream().ifPresent(upstream -> json.put("upstream", upstream.toString()));
    app.region().ifPresent(region -> json.put("region", region));
    return json;
  }

  private static ProviderApp app(JsonObject json) {
    Map<String, Integer> formation = new HashMap<>();
    json.getJsonObject("formation", new JsonObject())
        .forEach(entry -> formation.put(entry.getKey(), ((Number) entry.getValue()).intValue()));
    return new ProviderApp(
        json.getString("key"),
        json.getString("name"),
        json.getString("provider"),
        AppState.valueOf(json.getString("state")),
        Optional.ofNullable(json.getString("upstream")).map(URI::create),
        Optional.ofNullable(json.getString("region")),
        Formation.of(formation));
  }
}
