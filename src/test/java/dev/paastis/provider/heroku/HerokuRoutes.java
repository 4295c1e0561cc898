package dev.paastis.provider.heroku;

import dev.paastis.provider.heroku.FakeHerokuState.App;
import dev.paastis.provider.heroku.FakeHerokuState.Formation;
import dev.paastis.provider.heroku.FormationUpdates.Update;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/** The Platform API routes the fake serves, after authentication and fault injection. */
final class HerokuRoutes {

  private final FakeHerokuState state;
  private final HerokuFaults faults;

  HerokuRoutes(FakeHerokuState state, HerokuFaults faults) {
    this.state = state;
    this.faults = faults;
  }

  /** Whether a call spends rate-limit budget: only the rate-limit endpoint is free. */
  static boolean counted(String path) {
    return !path.equals("/account/rate-limits");
  }

  HerokuReply route(HttpMethod method, String path, String range, Buffer body) {
    String[] parts = path.substring(1).split("/", -1);
    if (path.equals("/account/rate-limits") && method == HttpMethod.GET) {
      return HerokuReply.ok(new JsonObject().put("remaining", faults.remaining()));
    }
    if (!parts[0].equals("apps") || parts.length > 4) {
      return HerokuReply.endpointNotFound();
    }
    if (parts.length == 1) {
      return method == HttpMethod.GET ? listApps(range) : HerokuReply.endpointNotFound();
    }
    synchronized (state) {
      App app = state.find(parts[1]);
      if (app == null) {
        return HerokuReply.appNotFound();
      }
      try {
        return onApp(method, app, parts, body);
      } catch (IllegalArgumentException e) {
        return HerokuReply.invalidParams(e.getMessage());
      } catch (DecodeException e) {
        return HerokuReply.error(400, "bad_request", "Invalid JSON in the request body.");
      }
    }
  }

  private HerokuReply onApp(HttpMethod method, App app, String[] parts, Buffer body) {
    String route = method.name() + " " + (parts.length > 2 ? parts[2] : "") + "/" + parts.length;
    return switch (route) {
      case "GET /2" -> HerokuReply.ok(HerokuJson.app(app));
      case "PATCH /2" -> patchApp(app, json(body));
      case "GET formation/3" ->
          HerokuReply.ok(formations(app, List.copyOf(app.formation.keySet())));
      case "PATCH formation/3" -> patchBatch(app, FormationUpdates.batch(json(body)));
      case "GET formation/4" -> oneFormation(app, parts[3]);
      case "PATCH formation/4" -> patchOne(app, parts[3], FormationUpdates.single(json(body)));
      case "GET dynos/3" -> HerokuReply.ok(dynos(app));
      case "GET dynos/4" -> oneDyno(app, parts[3]);
      default -> HerokuReply.endpointNotFound();
    };
  }

  private HerokuReply listApps(String rangeHeader) {
    HerokuRange range;
    try {
      range = HerokuRange.parse(rangeHeader);
    } catch (IllegalArgumentException e) {
      return HerokuReply.error(
          416, "requested_range_not_satisfiable", "Invalid Range header: " + rangeHeader);
    }
    synchronized (state) {
      HerokuRange.Page<App> page =
          range.page(state.apps(), app -> range.field().equals("id") ? app.id : app.name);
      JsonArray body = new JsonArray();
      page.items().forEach(app -> body.add(HerokuJson.app(app)));
      if (page.nextRange() == null) {
        return new HerokuReply(200, body, Map.of("Accept-Ranges", "id, name"));
      }
      return new HerokuReply(
          206, body, Map.of("Accept-Ranges", "id, name", "Next-Range", page.nextRange()));
    }
  }

  private HerokuReply patchApp(App app, JsonObject body) {
    for (String key : body.fieldNames()) {
      if (!key.equals("maintenance") || !(body.getValue(key) instanceof Boolean)) {
        throw new IllegalArgumentException("Invalid params provided: " + key + ".");
      }
    }
    if (body.containsKey("maintenance")) {
      state.setMaintenance(app.id, body.getBoolean("maintenance"));
    }
    return HerokuReply.ok(HerokuJson.app(app));
  }

  private HerokuReply patchBatch(App app, List<Update> updates) {
    for (Update update : updates) {
      if (!app.formation.containsKey(update.type())) {
        throw new IllegalArgumentException(
            "Couldn't find that process type (" + update.type() + ").");
      }
    }
    for (Update update : updates) {
      if (update.quantity() != null) {
        state.scale(app, update.type(), update.quantity());
      }
    }
    return HerokuReply.ok(formations(app, updates.stream().map(Update::type).distinct().toList()));
  }

  private HerokuReply oneFormation(App app, String typeOrId) {
    Formation entry = formation(app, typeOrId);
    return entry == null ? formationNotFound(typeOrId) : HerokuReply.ok(json(app, entry));
  }

  private HerokuReply patchOne(App app, String typeOrId, Integer quantity) {
    Formation entry = formation(app, typeOrId);
    if (entry == null) {
      return formationNotFound(typeOrId);
    }
    if (quantity != null) {
      state.scale(app, entry.type, quantity);
    }
    return HerokuReply.ok(json(app, entry));
  }

  private HerokuReply oneDyno(App app, String nameOrId) {
    return app.dynos.stream()
        .filter(dyno -> dyno.name().equals(nameOrId) || dyno.id.equals(nameOrId))
        .findFirst()
        .map(dyno -> HerokuReply.ok(HerokuJson.dyno(app, dyno)))
        .orElseGet(
            () ->
                new HerokuReply(
                    404,
                    HerokuJson.error("not_found", "Couldn't find that dyno.")
                        .put("resource", "dyno"),
                    Map.of()));
  }

  private static Formation formation(App app, String typeOrId) {
    Formation byType = app.formation.get(typeOrId);
    if (byType != null) {
      return byType;
    }
    return app.formation.values().stream()
        .filter(entry -> entry.id.equals(typeOrId))
        .findFirst()
        .orElse(null);
  }

  private static HerokuReply formationNotFound(String type) {
    return new HerokuReply(
        404,
        HerokuJson.error("not_found", "Couldn't find that process type (" + type + ").")
            .put("resource", "formation"),
        Map.of());
  }

  private static JsonArray formations(App app, List<String> types) {
    JsonArray array = new JsonArray();
    types.forEach(type -> array.add(json(app, app.formation.get(type))));
    return array;
  }

  private static JsonObject json(App app, Formation entry) {
    return HerokuJson.formation(app, entry);
  }

  private static JsonArray dynos(App app) {
    JsonArray array = new JsonArray();
    app.dynos.forEach(dyno -> array.add(HerokuJson.dyno(app, dyno)));
    return array;
  }

  private static JsonObject json(Buffer body) {
    if (body == null || body.length() == 0) {
      return new JsonObject();
    }
    if (Json.decodeValue(body) instanceof JsonObject object) {
      return object;
    }
    throw new IllegalArgumentException("Invalid params provided: expected a JSON object.");
  }
}
