package dev.paastis.provider.render;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The fake's state as Render's JSON (RAPI {@code Service}, {@code WebServiceDetails}, {@code
 * Deploy}), the fields Render marks required and the ones Paastis reads. Called with the state's
 * lock held.
 */
final class RenderJson {

  private RenderJson() {}

  static JsonObject service(FakeRenderState.Service service) {
    String slug = service.name.toLowerCase().replaceAll("[^a-z0-9-]", "-");
    JsonObject details =
        new JsonObject()
            .put("env", "node")
            .put("runtime", "node")
            .put("plan", "starter")
            .put("region", "oregon")
            .put("numInstances", 1)
            .put("healthCheckPath", "")
            .put("openPorts", new JsonArray())
            .put("maintenanceMode", new JsonObject().put("enabled", false).put("uri", ""));
    if (service.url != null) {
      details.put("url", service.url);
    }
    return new JsonObject()
        .put("id", service.id)
        .put("name", service.name)
        .put("ownerId", service.ownerId)
        .put("type", service.type)
        .put("slug", slug)
        .put("suspended", service.suspended ? "suspended" : "not_suspended")
        .put("suspenders", new JsonArray(service.suspenders))
        .put("autoDeploy", "yes")
        .put("notifyOnFail", "default")
        .put("rootDir", "")
        .put("branch", "main")
        .put("repo", "https://github.com/example/" + slug)
        .put("dashboardUrl", "https://dashboard.render.com/web/" + service.id)
        .put("createdAt", service.createdAt.toString())
        .put("updatedAt", service.updatedAt.toString())
        .put("serviceDetails", details);
  }

  static JsonObject deploy(FakeRenderState.Deploy deploy) {
    JsonObject json =
        new JsonObject()
            .put("id", deploy.id)
            .put("status", deploy.status)
            .put("trigger", deploy.trigger)
            .put(
                "commit",
                new JsonObject()
                    .put("id", "0123456789abcdef0123456789abcdef01234567")
                    .put("message", "the fake's commit")
                    .put("createdAt", deploy.createdAt.toString()))
            .put("createdAt", deploy.createdAt.toString())
            .put("updatedAt", deploy.updatedAt.toString());
    if (deploy.finishedAt != null) {
      json.put("finishedAt", deploy.finishedAt.toString());
    }
    return json;
  }
}
