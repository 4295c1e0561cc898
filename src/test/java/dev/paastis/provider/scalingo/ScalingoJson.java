package dev.paastis.provider.scalingo;

import dev.paastis.provider.scalingo.FakeScalingoState.App;
import dev.paastis.provider.scalingo.FakeScalingoState.Container;
import dev.paastis.provider.scalingo.FakeScalingoState.Formation;
import dev.paastis.provider.scalingo.FakeScalingoState.Operation;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The JSON shapes of the Scalingo regional API (PROVIDERS.md §2 and the documentation examples it
 * cites). Called with the state lock held.
 */
final class ScalingoJson {

  /**
   * Scalingo's timestamps: milliseconds and a numeric offset, {@code
   * 2014-11-16T12:17:16.137+01:00}.
   */
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx").withZone(ZoneOffset.UTC);

  private static final JsonObject OWNER =
      new JsonObject()
          .put("id", "us-0e6d7a5e-6b23-4b8b-9a57-2f1c1b0c9d11")
          .put("username", "owner")
          .put("email", "owner@example.com");

  private ScalingoJson() {}

  static String time(Instant instant) {
    return instant == null ? null : TIME.format(instant);
  }

  static JsonObject app(App app) {
    return new JsonObject()
        .put("id", app.id)
        .put("name", app.name)
        .put("region", app.region)
        .put("status", app.status)
        .put("url", app.url)
        .put("base_url", app.url)
        .put("git_url", "git@ssh." + app.region + ".scalingo.com:" + app.name + ".git")
        .put("created_at", time(app.createdAt))
        .put("updated_at", time(app.updatedAt))
        .put("last_deployed_at", app.deployed() ? time(app.createdAt) : null)
        .put("last_deployed_by", app.deployed() ? OWNER.getString("username") : null)
        .put("last_deployment_id", app.deployed() ? app.deploymentId : null)
        .put("owner", OWNER.copy())
        .put("force_https", false)
        .put("sticky_session", false)
        .put("router_logs", false)
        .put("stack_id", "st-scalingo-22")
        .put("flags", new JsonObject())
        .put("limits", new JsonObject())
        .put(
            "links",
            new JsonObject()
                .put(
                    "deployments_stream",
                    "wss://deployments." + app.region + ".scalingo.com/apps/" + app.id))
        .put("hds_resource", false)
        .put("private_networks_ids", new JsonArray());
  }

  static JsonObject formation(App app, Formation entry) {
    return new JsonObject()
        .put("id", entry.id)
        .put("app_id", app.id)
        .put("name", entry.name)
        .put("amount", entry.amount)
        .put("size", entry.size)
        .put("command", command(entry.name));
  }

  static JsonArray formations(App app) {
    JsonArray array = new JsonArray();
    app.formation.values().forEach(entry -> array.add(formation(app, entry)));
    return array;
  }

  static JsonObject container(App app, Container container) {
    return new JsonObject()
        .put("id", container.id)
        .put("app_id", app.id)
        .put("type", container.type)
        .put("type_index", container.typeIndex)
        .put("label", container.type + "-" + container.typeIndex)
        .put("state", container.state)
        .put("command", command(container.type))
        .put("created_at", time(container.createdAt))
        .put("deleted_at", null)
        .put(
            "container_size",
            new JsonObject()
                .put("name", container.size)
                .put("human_name", container.size)
                .put("memory", FakeScalingoState.SIZES.get(container.size)));
  }

  static JsonObject operation(Operation operation) {
    return new JsonObject()
        .put("id", operation.id)
        .put("app_id", operation.appId)
        .put("type", operation.type)
        .put("status", operation.status)
        .put("error", operation.error)
        .put("created_at", time(operation.createdAt))
        .put("finished_at", time(operation.finishedAt));
  }

  private static String command(String type) {
    return type.equals("web") ? "" : "npm run " + type;
  }
}
