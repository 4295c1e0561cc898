package dev.paastis.provider.render;

import dev.paastis.provider.CredentialsRejectedException;
import dev.paastis.provider.Deadline;
import dev.paastis.provider.ProviderException;
import dev.paastis.provider.UnknownAppException;
import dev.paastis.provider.internal.ApiFailures;
import dev.paastis.provider.internal.ApiResponse;
import dev.paastis.provider.internal.HttpApi;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The calls Paastis makes to Render's API (see the package's documentation), with the API key as
 * bearer. Lists every page of web services; maps a 401 to {@link CredentialsRejectedException}
 * naming PROVIDER_RENDER_API_KEY and a 404 of one service to {@link UnknownAppException}.
 */
final class RenderApi {

  /** The most Render serves in one page, which its own CLI asks for. */
  static final int MAX_PAGE = 100;

  /** Deploys read at once: enough to find the live one behind a few failed ones. */
  static final int DEPLOYS_READ = 5;

  private final HttpApi http;
  private final URI baseUrl;
  private final String apiKey;
  private final Optional<String> ownerId;
  private final int pageSize;

  RenderApi(HttpApi http, URI baseUrl, String apiKey, Optional<String> ownerId, int pageSize) {
    this.http = http;
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
    this.ownerId = ownerId;
    this.pageSize = pageSize;
  }

  /** Every web service of the workspace(s), page after page, each a bare service object. */
  Future<List<JsonObject>> webServices(Deadline deadline) {
    return webServices(null, deadline);
  }

  /** The web services of this name (Render's {@code name} filter), usually one or none. */
  Future<List<JsonObject>> webServicesNamed(String name, Deadline deadline) {
    return webServices(name, deadline);
  }

  private Future<List<JsonObject>> webServices(String name, Deadline deadline) {
    StringBuilder query = new StringBuilder("/services?type=web_service");
    ownerId.ifPresent(owner -> query.append("&ownerId=").append(encode(owner)));
    if (name != null) {
      query.append("&name=").append(encode(name));
    }
    query.append("&limit=").append(pageSize);
    return page(query.toString(), null, new ArrayList<>(), name, deadline);
  }

  /**
   * One page, then the next from the cursor of its last item; over on an empty page or one shorter
   * than the limit, as Render's CLI stops.
   */
  private Future<List<JsonObject>> page(
      String query, String cursor, List<JsonObject> found, String name, Deadline deadline) {
    String path = cursor == null ? query : query + "&cursor=" + encode(cursor);
    return call(HttpMethod.GET, path, name == null ? "services" : name, deadline)
        .compose(
            response -> {
              JsonArray items = response.jsonArray();
              String last = null;
              for (Object item : items) {
                JsonObject entry = (JsonObject) item;
                found.add(entry.getJsonObject("service", new JsonObject()));
                last = entry.getString("cursor");
              }
              if (items.size() < pageSize || last == null) {
                return Future.succeededFuture(found);
              }
              return page(query, last, found, name, deadline);
            });
  }

  /** The newest deploys of a service, newest first, bare deploy objects. */
  Future<List<JsonObject>> newestDeploys(String key, String serviceId, Deadline deadline) {
    String path = "/services/" + encode(serviceId) + "/deploys?limit=" + DEPLOYS_READ;
    return call(HttpMethod.GET, path, key, deadline)
        .map(
            response -> {
              List<JsonObject> deploys = new ArrayList<>();
              for (Object item : response.jsonArray()) {
                deploys.add(((JsonObject) item).getJsonObject("deploy", new JsonObject()));
              }
              return deploys;
            });
  }

  /** The cheapest authenticated call, to prove the key works (Render's docs check a key so). */
  Future<Void> check(Deadline deadline) {
    return call(HttpMethod.GET, "/services?limit=1", "services", deadline).mapEmpty();
  }

  /** POST suspend or resume: Render answers 202 and does the work afterwards. */
  Future<Void> post(String key, String serviceId, String action, Deadline deadline) {
    return call(HttpMethod.POST, "/services/" + encode(serviceId) + "/" + action, key, deadline)
        .mapEmpty();
  }

  private Future<ApiResponse> call(HttpMethod method, String path, String app, Deadline deadline) {
    MultiMap headers =
        MultiMap.caseInsensitiveMultiMap()
            .set("Authorization", "Bearer " + apiKey)
            .set("Accept", "application/json");
    return http.send(method, URI.create(baseUrl + path), headers, null, deadline)
        .recover(
            ApiFailures.whenUnreachable(
                RenderProvider.NAME, "Render API", method, withoutQuery(path)))
        .compose(response -> checked(response, method, path, app));
  }

  private static Future<ApiResponse> checked(
      ApiResponse response, HttpMethod method, String path, String app) {
    if (response.isSuccess()) {
      return Future.succeededFuture(response);
    }
    return Future.failedFuture(
        switch (response.status()) {
          case 401 ->
              new CredentialsRejectedException(
                  RenderProvider.NAME,
                  RenderConfig.KEY + " was rejected by Render (401): " + response.errorMessage());
          case 404 ->
              path.startsWith("/services/")
                  ? new UnknownAppException(RenderProvider.NAME, app)
                  : failure(response, method, path);
          default -> failure(response, method, path);
        });
  }

  private static ProviderException failure(ApiResponse response, HttpMethod method, String path) {
    return ApiFailures.unexpected(
        RenderProvider.NAME, "Render", response, method, withoutQuery(path));
  }

  private static String withoutQuery(String path) {
    int query = path.indexOf('?');
    return query < 0 ? path : path.substring(0, query);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
