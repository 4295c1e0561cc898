package dev.paastis.provider.heroku;

import dev.paastis.provider.heroku.FakeHerokuState.App;
import dev.paastis.provider.heroku.FakeHerokuState.Dyno;
import dev.paastis.provider.heroku.FakeHerokuState.Formation;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The JSON shapes of the Platform API v3 (PROVIDERS.md §1 and the CLI fixtures it cites). Called
 * with the state lock held.
 */
final class HerokuJson {

  private static final JsonObject STACK =
      new JsonObject().put("id", stableId("stack:heroku-24")).put("name", "heroku-24");
  private static final JsonObject OWNER =
      new JsonObject().put("id", stableId("user:owner")).put("email", "owner@example.com");

  private HerokuJson() {}

  /** A UUID that is the same for the same key, so region and size ids stay stable. */
  static String stableId(String key) {
    return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
  }

  static JsonObject app(App app) {
    return new JsonObject()
        .put("id", app.id)
        .put("name", app.name)
        .put("generation", "cedar")
        .put("maintenance", app.maintenance)
        .put("region", named("region", app.region))
        .put("stack", STACK.copy())
        .put("build_stack", STACK.copy())
        .put("owner", OWNER.copy())
        .put("team", null)
        .put("organization", null)
        .put("space", null)
        .put("acm", false)
        .put("internal_routing", null)
        .put("archived_at", null)
        .put("buildpack_provided_description", null)
        .put("repo_size", null)
        .put("slug_size", null)
        .put("created_at", app.createdAt.toString())
        .put("updated_at", app.updatedAt.toString())
        .put("released_at", app.createdAt.toString())
        .put("git_url", "https://git.heroku.com/" + app.name + ".git")
        .put("web_url", app.webUrl);
  }

  static JsonObject formation(App app, Formation entry) {
    return new JsonObject()
        .put("id", entry.id)
        .put("type", entry.type)
        .put("quantity", entry.quantity)
        .put("size", entry.size)
        .put("dyno_size", named("dyno-size", entry.size))
        .put("command", command(entry.type))
        .put("app", appRef(app))
        .put("created_at", entry.createdAt.toString())
        .put("updated_at", entry.updatedAt.toString());
  }

  static JsonObject dyno(App app, Dyno dyno) {
    return new JsonObject()
        .put("id", dyno.id)
        .put("name", dyno.name())
        .put("type", dyno.type)
        .put("state", dyno.state)
        .put("size", dyno.size)
        .put("command", command(dyno.type))
        .put("attach_url", null)
        .put("release", new JsonObject().put("id", stableId("release:" + app.id)).put("version", 1))
        .put("app", appRef(app))
        .put("created_at", dyno.createdAt.toString())
        .put("updated_at", dyno.updatedAt.toString());
  }

  static JsonObject error(String id, String message) {
    return new JsonObject().put("id", id).put("message", message);
  }

  private static JsonObject appRef(App app) {
    return new JsonObject().put("id", app.id).put("name", app.name);
  }

  private static JsonObject named(String kind, String name) {
    return new JsonObject().put("id", stableId(kind + ":" + name)).put("name", name);
  }

  private static String command(String type) {
    return type.equals("web") ? "npm start" : "npm run " + type;
  }
}
