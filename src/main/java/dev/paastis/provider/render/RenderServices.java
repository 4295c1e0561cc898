package dev.paastis.provider.render;

import dev.paastis.app.AppState;
import dev.paastis.app.Formation;
import dev.paastis.app.ProviderApp;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Render's JSON read as Paastis values: a service's state from its suspension and its newest
 * deploys, and the service as an app (the mapping is in the package's documentation).
 */
final class RenderServices {

  /** A deploy on its way: the service will serve it once it is {@code live}. */
  static final Set<String> IN_PROGRESS =
      Set.of(
          "created", "queued", "build_in_progress", "update_in_progress", "pre_deploy_in_progress");

  /** A deploy that will never go live. */
  static final Set<String> FAILED =
      Set.of("build_failed", "update_failed", "pre_deploy_failed", "canceled");

  /** Who may suspend a service that its owner cannot resume. */
  static final Set<String> BLOCKING_SUSPENDERS = Set.of("admin", "billing");

  private RenderServices() {}

  static boolean isSuspended(JsonObject service) {
    return "suspended".equals(service.getString("suspended"));
  }

  /** A suspended service: stopped, or failed when Render itself holds it (admin, billing). */
  static AppState suspendedState(JsonObject service) {
    JsonArray suspenders = service.getJsonArray("suspenders", new JsonArray());
    boolean blocked = suspenders.stream().anyMatch(BLOCKING_SUSPENDERS::contains);
    return blocked ? AppState.FAILED : AppState.STOPPED;
  }

  /**
   * A service that is not suspended, from its newest deploys (newest first): running once the
   * newest is {@code live}, or when it failed while an older one is still {@code live} (Render
   * keeps serving the previous deploy when a new one fails); starting while the newest is on its
   * way, or {@code deactivated} (a resume accepted before its deploy exists); failed when no deploy
   * of the page will serve.
   */
  static AppState deployState(List<JsonObject> deploys) {
    if (deploys.isEmpty()) {
      return AppState.UNKNOWN;
    }
    String newest = deploys.get(0).getString("status", "");
    if (newest.equals("live")) {
      return AppState.RUNNING;
    }
    if (IN_PROGRESS.contains(newest) || newest.equals("deactivated")) {
      return AppState.STARTING;
    }
    if (FAILED.contains(newest)) {
      boolean olderLive =
          deploys.stream().anyMatch(deploy -> "live".equals(deploy.getString("status")));
      return olderLive ? AppState.RUNNING : AppState.FAILED;
    }
    return AppState.UNKNOWN;
  }

  /** The id of the newest deploy, empty when the service has none. */
  static Optional<String> newestId(List<JsonObject> deploys) {
    return deploys.isEmpty()
        ? Optional.empty()
        : Optional.ofNullable(deploys.get(0).getString("id"));
  }

  /**
   * The service as an app: key and name = its name, upstream = {@code serviceDetails.url}, region =
   * {@code serviceDetails.region}; formation {@code web} = {@code numInstances}, 0 while suspended.
   */
  static ProviderApp describe(JsonObject service, AppState state) {
    String name = service.getString("name");
    JsonObject details = service.getJsonObject("serviceDetails", new JsonObject());
    int instances = isSuspended(service) ? 0 : details.getInteger("numInstances", 1);
    return new ProviderApp(
        name,
        name,
        RenderProvider.NAME,
        state,
        Optional.ofNullable(details.getString("url"))
            .filter(url -> !url.isBlank())
            .map(URI::create),
        Optional.ofNullable(details.getString("region")),
        Formation.of(Map.of("web", instances)));
  }
}
