package dev.paastis.provider.scalingo;

import dev.paastis.provider.scalingo.FakeScalingoState.App;
import dev.paastis.provider.scalingo.FakeScalingoState.Change;
import dev.paastis.provider.scalingo.FakeScalingoState.InvalidField;
import dev.paastis.provider.scalingo.FakeScalingoState.Operation;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The regional API routes the fake serves, after authentication and fault injection. */
final class ScalingoRoutes {

  /** The 422 of a scale while another operation of the app runs (see {@link FakeScalingoApi}). */
  static final String OPERATION_RUNNING = "an operation is already running";

  private final FakeScalingoState state;
  private final Function<String, URI> apiUrl;

  ScalingoRoutes(FakeScalingoState state, Function<String, URI> apiUrl) {
    this.state = state;
    this.apiUrl = apiUrl;
  }

  /** Serves {@code path} (starting with {@code /v1}) of a known region. */
  ScalingoReply route(String region, HttpMethod method, String path, Buffer body) {
    String[] parts = path.substring(1).split("/", -1);
    if (parts.length < 2 || !parts[0].equals("v1") || !parts[1].equals("apps")) {
      return ScalingoReply.endpointNotFound();
    }
    synchronized (state) {
      if (parts.length == 2) {
        return method == HttpMethod.GET ? listApps(region) : ScalingoReply.endpointNotFound();
      }
      App app = state.find(region, parts[2]);
      if (app == null) {
        return ScalingoReply.notFound("app");
      }
      try {
        return onApp(region, method, app, parts, body);
      } catch (InvalidField e) {
        return ScalingoReply.invalid(e.field, e.getMessage());
      } catch (DecodeException e) {
        return ScalingoReply.error(400, "invalid JSON in the request body");
      }
    }
  }

  private ScalingoReply onApp(
      String region, HttpMethod method, App app, String[] parts, Buffer body) {
    String route = method.name() + " " + (parts.length > 3 ? parts[3] : "") + "/" + parts.length;
    return switch (route) {
      case "GET /3" -> ScalingoReply.ok(new JsonObject().put("app", ScalingoJson.app(app)));
      case "GET containers/4" ->
          ScalingoReply.ok(new JsonObject().put("containers", ScalingoJson.formations(app)));
      case "GET ps/4" -> ScalingoReply.ok(new JsonObject().put("containers", ps(app)));
      case "POST scale/4" -> scale(region, app, changes(json(body)));
      case "GET operations/5" -> operation(app, parts[4]);
      default -> ScalingoReply.endpointNotFound();
    };
  }

  private ScalingoReply listApps(String region) {
    JsonArray apps = new JsonArray();
    state.apps(region).forEach(app -> apps.add(ScalingoJson.app(app)));
    return ScalingoReply.ok(new JsonObject().put("apps", apps));
  }

  private ScalingoReply scale(String region, App app, List<Change> changes) {
    FakeScalingoState.validate(app, changes);
    if (app.runningOperation() != null) {
      return ScalingoReply.error(422, OPERATION_RUNNING);
    }
    Operation operation = state.scale(app, changes);
    JsonObject body = new JsonObject().put("containers", ScalingoJson.formations(app));
    if (operation == null) {
      return ScalingoReply.ok(body);
    }
    String location = apiUrl.apply(region) + "/v1/apps/" + app.name + "/operations/" + operation.id;
    return new ScalingoReply(202, body, Map.of("Location", location));
  }

  private static ScalingoReply operation(App app, String id) {
    Operation operation = app.operations.get(id);
    if (operation == null) {
      return ScalingoReply.notFound("operation");
    }
    return ScalingoReply.ok(new JsonObject().put("operation", ScalingoJson.operation(operation)));
  }

  private static JsonArray ps(App app) {
    JsonArray array = new JsonArray();
    app.containers.forEach(container -> array.add(ScalingoJson.container(app, container)));
    return array;
  }

  /** The changes of {@code {"containers":[{"name","amount","size"}...]}}; 422 when malformed. */
  private static List<Change> changes(JsonObject body) {
    if (!(body.getValue("containers") instanceof JsonArray containers)) {
      throw new InvalidField("containers", "can't be blank");
    }
    List<Change> changes = new ArrayList<>();
    for (Object element : containers) {
      if (!(element instanceof JsonObject container)
          || !(container.getValue("name") instanceof String name)
          || name.isBlank()) {
        throw new InvalidField("containers", "each container needs a name");
      }
      Object amount = container.getValue("amount");
      if (amount != null && !(amount instanceof Integer)) {
        throw new InvalidField("amount", "must be an integer");
      }
      Object size = container.getValue("size");
      if (size != null && !(size instanceof String)) {
        throw new InvalidField("size", "must be a string");
      }
      String sizeName = size == null || ((String) size).isEmpty() ? null : (String) size;
      changes.add(new Change(name, (Integer) amount, sizeName));
    }
    return changes;
  }

  private static JsonObject json(Buffer body) {
    if (body == null || body.length() == 0) {
      return new JsonObject();
    }
    if (Json.decodeValue(body) instanceof JsonObject object) {
      return object;
    }
    throw new DecodeException("expected a JSON object");
  }
}
