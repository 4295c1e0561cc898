package dev.paastis.internal.registry.redis;

import dev.paastis.app.Formation;
import dev.paastis.registry.ManagedApp;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link ManagedApp} as stored in Redis: JSON with a schema version ({@code v}), instants as
 * epoch milliseconds (the Lua scripts compare and add them), optional fields left out when empty.
 * The scripts edit these records in place and keep fields they do not know, so a newer version may
 * add fields; a record of a newer schema is refused rather than misread. The activity's hours are a
 * bitmap beside the record ({@link StoredActivity}); the record keeps the newest hour recorded,
 * {@code activityHour}, left out while no hour is.
 */
final class StoredApp {

  static final int VERSION = ManagedApp.SCHEMA_VERSION;

  private StoredApp() {}

  static String encode(ManagedApp app) {
    JsonObject json =
        new JsonObject()
            .put("v", VERSION)
            .put("key", app.key())
            .put("provider", app.provider())
            .put("maxIdleTimeMs", app.maxIdleTime().toMillis())
            .put("registeredAt", app.registeredAt().toEpochMilli())
            .put("lastAccessedAt", app.lastAccessedAt().toEpochMilli());
    app.region().ifPresent(region -> json.put("region", region));
    app.savedFormation().ifPresent(formation -> json.put("savedFormation", formation(formation)));
    app.stoppedAt().ifPresent(at -> json.put("stoppedAt", at.toEpochMilli()));
    app.pinnedUntil().ifPresent(at -> json.put("pinnedUntil", at.toEpochMilli()));
    if (app.activity().hoursUsed() > 0) {
      json.put("activityHour", app.activity().newestHour());
    }
    return json.encode();
  }

  static JsonObject formation(Formation formation) {
    return new JsonObject(new HashMap<>(formation.quantities()));
  }

  /**
   * Reads a stored record and the bitmap of its activity (null when there is none); fails with a
   * message naming the key when it cannot.
   */
  static ManagedApp decode(String redisKey, String stored, byte[] activity) {
    JsonObject json;
    try {
      json = new JsonObject(stored);
    } catch (RuntimeException e) {
      throw new IllegalStateException("Redis key " + redisKey + " does not hold a JSON record", e);
    }
    int version = json.getInteger("v", 0);
    if (version != VERSION) {
      throw new IllegalStateException(
          "Redis key "
              + redisKey
              + " holds a record of schema version "
              + version
              + "; this Paastis reads version "
              + VERSION
              + " (was it written by a newer Paastis?)");
    }
    return new ManagedApp(
        json.getString("key"),
        json.getString("provider"),
        Optional.ofNullable(json.getString("region")),
        Duration.ofMillis(json.getLong("maxIdleTimeMs")),
        Instant.ofEpochMilli(json.getLong("registeredAt")),
        Instant.ofEpochMilli(json.getLong("lastAccessedAt")),
        Optional.ofNullable(json.getJsonObject("savedFormation")).map(StoredApp::formation),
        Optional.ofNullable(json.getLong("stoppedAt")).map(Instant::ofEpochMilli),
        Optional.ofNullable(json.getLong("pinnedUntil")).map(Instant::ofEpochMilli),
        StoredActivity.read(json.getLong("activityHour"), activity));
  }

  private static Formation formation(JsonObject json) {
    Map<String, Integer> quantities = new HashMap<>();
    json.forEach(entry -> quantities.put(entry.getKey(), ((Number) entry.getValue()).intValue()));
    return Formation.of(quantities);
  }
}
