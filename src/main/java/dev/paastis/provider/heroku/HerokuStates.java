package dev.paastis.provider.heroku;

import dev.paastis.app.AppState;
import dev.paastis.app.Formation;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;

/**
 * Maps a formation (desired quantities) and the dynos (actual states) to an {@link AppState}, as
 * PROVIDERS.md proposes: all quantities 0 → STOPPED; a crashed dyno → FAILED; enough dynos {@code
 * up} (or {@code idle}, an Eco dyno that wakes on request) → RUNNING; else STARTING. An app with no
 * process types is STOPPED (and cannot be started).
 */
final class HerokuStates {

  private HerokuStates() {}

  static Formation formation(JsonArray formation) {
    Map<String, Integer> quantities = new HashMap<>();
    for (Object entry : formation) {
      JsonObject process = (JsonObject) entry;
      quantities.put(process.getString("type"), quantity(process.getValue("quantity")));
    }
    return Formation.of(quantities);
  }

  static AppState state(Formation formation, JsonArray dynos) {
    if (formation.total() == 0) {
      return AppState.STOPPED;
    }
    Map<String, Integer> up = new HashMap<>();
    for (Object entry : dynos) {
      JsonObject dyno = (JsonObject) entry;
      String type = dyno.getString("type");
      if (!formation.quantities().containsKey(type)) {
        continue; // one-off (run) and release dynos are not part of the formation
      }
      String state = dyno.getString("state", "");
      if (state.equals("crashed")) {
        return AppState.FAILED;
      }
      if (state.equals("up") || state.equals("idle")) {
        up.merge(type, 1, Integer::sum);
      }
    }
    boolean allUp =
        formation.quantities().entrySet().stream()
            .allMatch(wanted -> up.getOrDefault(wanted.getKey(), 0) >= wanted.getValue());
    return allUp ? AppState.RUNNING : AppState.STARTING;
  }

  private static int quantity(Object value) {
    if (value instanceof Number number) {
      return number.intValue();
    }
    return value == null ? 0 : Integer.parseInt(value.toString().trim());
  }
}
