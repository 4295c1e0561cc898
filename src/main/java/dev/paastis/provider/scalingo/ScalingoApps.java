package dev.paastis.provider.scalingo;

import dev.paastis.app.AppState;
import dev.paastis.app.Formation;
import dev.paastis.app.ProviderApp;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Scalingo's JSON read as Paastis values: an app's state, its container formation, the app. */
final class ScalingoApps {

  private ScalingoApps() {}

  /** PROVIDERS.md's proposed mapping of the app {@code status}. */
  static AppState state(String status) {
    return switch (status == null ? "" : status) {
      case "running" -> AppState.RUNNING;
      case "stopped", "new" -> AppState.STOPPED;
      case "booting", "restarting", "scaling" -> AppState.STARTING;
      case "crashed" -> AppState.FAILED;
      default -> AppState.UNKNOWN;
    };
  }

  static Formation formation(JsonArray containers) {
    Map<String, Integer> amounts = new LinkedHashMap<>();
    for (Object container : containers) {
      JsonObject type = (JsonObject) container;
      amounts.put(type.getString("name"), type.getInteger("amount", 0));
    }
    return Formation.of(amounts);
  }

  static ProviderApp describe(JsonObject app, String region, Formation formation) {
    String name = app.getString("name");
    return new ProviderApp(
        name,
        name,
        ScalingoProvider.NAME,
        state(app.getString("status")),
        Optional.ofNullable(app.getString("url")).map(URI::create),
        Optional.of(region),
        formation);
  }
}
