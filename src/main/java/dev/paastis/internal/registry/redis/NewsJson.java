package dev.paastis.internal.registry.redis;

import dev.paastis.app.AppState;
import dev.paastis.app.Formation;
import dev.paastis.app.ProviderApp;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Provider listings as the leader hands them to the other instances through Redis. */
final class NewsJson {

  private NewsJson() {}

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
