package dev.paastis.provider.clevercloud;

import dev.paastis.app.AppState;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The official status algorithm (clever-client's {@code getStatus}, PROVIDERS.md §3) from the app
 * state, its newest deployment and its instances, mapped to an {@link AppState}.
 */
final class CleverStatus {

  private CleverStatus() {}

  /** Apps Clever Cloud will not start: moderated, or unpaid. */
  static boolean isBlocked(JsonObject app) {
    String state = app.getString("state", "");
    return state.equals("MODERATED") || state.equals("DEFAULT_OF_PAYMENT");
  }

  static AppState of(JsonObject app, JsonArray deployments, JsonArray instances) {
    String state = app.getString("state", "");
    String last =
        deployments == null || deployments.isEmpty()
            ? ""
            : deployments.getJsonObject(0).getString("state", "");
    long up =
        instances == null
            ? 0
            : instances.stream()
                .filter(instance -> "UP".equals(((JsonObject) instance).getString("state")))
                .count();
    return switch (state) {
      case "SHOULD_BE_DOWN" -> AppState.STOPPED;
      case "WANTS_TO_BE_UP" ->
          switch (last) {
            case "WIP" -> AppState.STARTING;
            case "FAIL" -> AppState.FAILED;
            default -> AppState.UNKNOWN;
          };
      case "SHOULD_BE_UP" -> shouldBeUp(app, last, up);
      case "MODERATED", "DEFAULT_OF_PAYMENT" -> AppState.FAILED;
      default -> AppState.UNKNOWN;
    };
  }

  private static AppState shouldBeUp(JsonObject app, String last, long up) {
    boolean homogeneous = app.getBoolean("homogeneous", false);
    return switch (last) {
      // restarting-with-downtime (homogeneous), or restarting (instances still up)
      case "WIP" -> homogeneous || up > 0 ? AppState.STARTING : AppState.UNKNOWN;
      // restart-failed
      case "FAIL" -> up > 0 ? AppState.FAILED : AppState.UNKNOWN;
      default -> up > 0 ? AppState.RUNNING : AppState.UNKNOWN;
    };
  }
}
