package dev.paastis.provider.scalingo;

import dev.paastis.provider.Deadline;
import dev.paastis.provider.ProviderException;
import dev.paastis.provider.UnknownAppException;
import dev.paastis.provider.internal.ApiFailures;
import dev.paastis.provider.internal.ApiResponse;
import dev.paastis.provider.internal.HttpApi;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The calls Paastis makes to one Scalingo region (PROVIDERS.md §2), with the shared bearer: a 401
 * renews the bearer and tries once more. Maps error statuses to provider exceptions naming the app.
 */
final class ScalingoApi {

  private final HttpApi http;
  private final ScalingoAuth auth;
  private final URI baseUrl;
  private final String region;

  ScalingoApi(HttpApi http, ScalingoAuth auth, URI baseUrl, String region) {
    this.http = http;
    this.auth = auth;
    this.baseUrl = baseUrl;
    this.region = region;
  }

  String region() {
    return region;
  }

  Future<JsonArray> apps() {
    return call(HttpMethod.GET, "/v1/apps", null, "apps", Deadline.none())
        .map(response -> response.jsonObject().getJsonArray("apps", new JsonArray()));
  }

  Future<JsonObject> app(String app, Deadline deadline) {
    return call(HttpMethod.GET, "/v1/apps/" + encode(app), null, app, deadline)
        .map(response -> response.jsonObject().getJsonObject("app"));
  }

  Future<JsonArray> containers(String app, Deadline deadline) {
    return call(HttpMethod.GET, "/v1/apps/" + encode(app) + "/containers", null, app, deadline)
        .map(response -> response.jsonObject().getJsonArray("containers", new JsonArray()));
  }

  /** Scales; the operation URL (Location) when Scalingo started one, null when it did not. */
  Future<String> scale(String app, Map<String, Integer> amounts, Deadline deadline) {
    JsonArray containers = new JsonArray();
    amounts.forEach(
        (name, amount) -> containers.add(new JsonObject().put("name", name).put("amount", amount)));
    Buffer body = new JsonObject().put("containers", containers).toBuffer();
    return call(HttpMethod.POST, "/v1/apps/" + encode(app) + "/scale", body, app, deadline)
        .map(response -> response.status() == 202 ? response.headers().get("Location") : null);
  }

  Future<JsonObject> operation(String app, String location, Deadline deadline) {
    URI url = URI.create(location);
    String path = url.isAbsolute() ? url.getRawPath() : location;
    String relative = path.substring(path.indexOf("/v1/"));
    return call(HttpMethod.GET, relative, null, app, deadline)
        .map(response -> response.jsonObject().getJsonObject("operation", new JsonObject()));
  }

  private Future<ApiResponse> call(
      HttpMethod method, String path, Buffer body, String app, Deadline deadline) {
    return auth.bearer(deadline)
        .compose(
            bearer ->
                send(method, path, body, bearer, deadline)
                    .compose(
                        response -> {
                          if (response.status() != 401) {
                            return Future.succeededFuture(response);
                          }
                          auth.rejected(bearer);
                          return auth.bearer(deadline)
                              .compose(renewed -> send(method, path, body, renewed, deadline));
                        }))
        .compose(response -> checked(response, method, path, app));
  }

  private Future<ApiResponse> send(
      HttpMethod method, String path, Buffer body, String bearer, Deadline deadline) {
    MultiMap headers =
        MultiMap.caseInsensitiveMultiMap()
            .set("Authorization", "Bearer " + bearer)
            .set("Accept", "application/json");
    if (body != null) {
      headers.set("Content-Type", "application/json");
    }
    return http.send(method, URI.create(baseUrl + path), headers, body, deadline)
        .recover(
            ApiFailures.whenUnreachable(
                ScalingoProvider.NAME, "Scalingo API of " + region, method, path));
  }

  private Future<ApiResponse> checked(
      ApiResponse response, HttpMethod method, String path, String app) {
    if (response.isSuccess()) {
      return Future.succeededFuture(response);
    }
    return Future.failedFuture(
        switch (response.status()) {
          case 404 ->
              path.equals("/v1/apps")
                  ? failure(response, method, path)
                  : new UnknownAppException(ScalingoProvider.NAME, app);
          case 402 ->
              new ProviderException(
                  ScalingoProvider.NAME,
                  "Scalingo refused to scale app "
                      + app
                      + " for billing reasons (402): "
                      + response.errorMessage());
          case 422 ->
              new ProviderException(
                  ScalingoProvider.NAME,
                  "Scalingo refused the operation on app " + app + " (422): " + response.body());
          default -> failure(response, method, path);
        });
  }

  private static ProviderException failure(ApiResponse response, HttpMethod method, String path) {
    return ApiFailures.unexpected(ScalingoProvider.NAME, "Scalingo", response, method, path);
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8);
  }
}
