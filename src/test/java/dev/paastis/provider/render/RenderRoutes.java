package dev.paastis.provider.render;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The routes of the fake Render under {@code /v1}, once the call is authenticated: the listing of
 * services with its filters and cursor paging, one service, its deploys, suspend and resume.
 * Filters given several times or comma-separated match any of their values, as Render's array
 * filters do.
 */
final class RenderRoutes {

  /** Render's default and largest page (RAPI {@code limit}: default 20, 1 to 100). */
  static final int DEFAULT_LIMIT = 20;

  static final int MAX_LIMIT = 100;

  private static final Pattern SERVICE = Pattern.compile("^/services/([^/]+)(/[a-z]+)?$");

  private final FakeRenderState state;

  RenderRoutes(FakeRenderState state) {
    this.state = state;
  }

  RenderReply route(HttpMethod method, String path, MultiMap query) {
    if (path.equals("/services") && method == HttpMethod.GET) {
      return services(query);
    }
    Matcher matcher = SERVICE.matcher(path);
    if (!matcher.matches()) {
      return RenderReply.notFound();
    }
    String id = matcher.group(1);
    String action = method.name() + " " + (matcher.group(2) == null ? "" : matcher.group(2));
    FakeRenderState.Service service = state.byId(id);
    if (service == null) {
      return RenderReply.notFound();
    }
    // a change notifies the state's listeners, which must not run under its lock: no lock here
    return switch (action) {
      case "GET " -> read(() -> RenderJson.service(service));
      case "GET /deploys" -> deploys(service, query);
      case "POST /suspend" -> suspend(service);
      case "POST /resume" -> {
        state.resume(id);
        yield RenderReply.accepted();
      }
      default -> RenderReply.notFound();
    };
  }

  private RenderReply read(Supplier<JsonObject> json) {
    synchronized (state) {
      return RenderReply.ok(json.get());
    }
  }

  private RenderReply services(MultiMap query) {
    List<String> types = values(query, "type");
    List<String> owners = values(query, "ownerId");
    List<String> names = values(query, "name");
    List<String> suspended = values(query, "suspended");
    synchronized (state) {
      List<FakeRenderState.Service> matching =
          state.all().stream()
              .filter(s -> types.isEmpty() || types.contains(s.type))
              .filter(s -> owners.isEmpty() || owners.contains(s.ownerId))
              .filter(s -> names.isEmpty() || names.contains(s.name))
              .filter(
                  s ->
                      suspended.isEmpty()
                          || suspended.contains(s.suspended ? "suspended" : "not_suspended"))
              .toList();
      return page(matching, s -> s.id, RenderJson::service, "service", query);
    }
  }

  private RenderReply deploys(FakeRenderState.Service service, MultiMap query) {
    synchronized (state) {
      return page(List.copyOf(service.deploys), d -> d.id, RenderJson::deploy, "deploy", query);
    }
  }

  /** Suspending a suspended service is accepted too (Render does not document that case). */
  private RenderReply suspend(FakeRenderState.Service service) {
    if (!service.type.equals("web_service") && !service.type.equals("private_service")) {
      return RenderReply.badRequest("service type " + service.type + " cannot be suspended");
    }
    state.suspend(service.id);
    return RenderReply.accepted();
  }

  /**
   * One page of {@code items}: {@code [{"cursor", key: item}]}, after the item whose cursor is
   * given, at most {@code limit} of them.
   */
  private static <T> RenderReply page(
      List<T> items,
      Function<T, String> id,
      Function<T, JsonObject> json,
      String key,
      MultiMap query) {
    int limit;
    try {
      limit =
          Integer.parseInt(query.get("limit") == null ? "" + DEFAULT_LIMIT : query.get("limit"));
    } catch (NumberFormatException notANumber) {
      return RenderReply.badRequest("limit must be a number");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      return RenderReply.badRequest("limit must be between 1 and " + MAX_LIMIT);
    }
    int start = 0;
    String cursor = query.get("cursor");
    if (cursor != null) {
      List<String> ids = items.stream().map(id).toList();
      int at = ids.indexOf(fromCursor(cursor));
      if (at < 0) {
        return RenderReply.badRequest("invalid cursor");
      }
      start = at + 1;
    }
    JsonArray page = new JsonArray();
    for (T item : items.subList(start, Math.min(items.size(), start + limit))) {
      page.add(new JsonObject().put("cursor", toCursor(id.apply(item))).put(key, json.apply(item)));
    }
    return RenderReply.ok(page);
  }

  private static String toCursor(String id) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("fake:" + id).getBytes(StandardCharsets.UTF_8));
  }

  private static String fromCursor(String cursor) {
    try {
      String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      return decoded.startsWith("fake:") ? decoded.substring(5) : "";
    } catch (IllegalArgumentException notOurs) {
      return "";
    }
  }

  private static List<String> values(MultiMap query, String name) {
    List<String> values = new ArrayList<>();
    for (String value : query.getAll(name)) {
      Arrays.stream(value.split(",")).filter(v -> !v.isBlank()).forEach(values::add);
    }
    return values;
  }
}
