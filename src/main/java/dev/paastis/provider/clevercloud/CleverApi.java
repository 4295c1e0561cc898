package dev.paastis.provider.clevercloud;

import dev.paastis.provider.CredentialsRejectedException;
import dev.paastis.provider.Deadline;
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

/** The Clever Cloud API v2 calls Paastis makes (PROVIDERS.md §3), signed with OAuth 1.0a. */
final class CleverApi {

  private final HttpApi http;
  private final URI host;
  private final OAuthSigner signer;

  CleverApi(HttpApi http, URI host, OAuthSigner signer) {
    this.http = http;
    this.host = host;
    this.signer = signer;
  }

  Future<JsonObject> summary(Deadline deadline) {
    return call(HttpMethod.GET, "/v2/summary", "summary", deadline).map(ApiResponse::jsonObject);
  }

  Future<JsonArray> applications(String owner, Deadline deadline) {
    return call(HttpMethod.GET, "/v2/organisations/" + owner + "/applications", owner, deadline)
        .map(ApiResponse::jsonArray);
  }

  Future<JsonObject> application(String owner, String app, Deadline deadline) {
    return call(HttpMethod.GET, appPath(owner, app), app, deadline).map(ApiResponse::jsonObject);
  }

  Future<JsonArray> instances(String owner, String app, Deadline deadline) {
    return call(HttpMethod.GET, appPath(owner, app) + "/instances", app, deadline)
        .map(ApiResponse::jsonArray);
  }

  /** The newest deployment first. */
  Future<JsonArray> lastDeployment(String owner, String app, Deadline deadline) {
    return call(HttpMethod.GET, appPath(owner, app) + "/deployments?limit=1", app, deadline)
        .map(ApiResponse::jsonArray);
  }

  /** Starts (redeploys) the app. */
  Future<Void> deploy(String owner, String app, Deadline deadline) {
    return call(HttpMethod.POST, appPath(owner, app) + "/instances", app, deadline).mapEmpty();
  }

  /** Stops (undeploys) the app. */
  Future<Void> undeploy(String owner, String app) {
    return call(HttpMethod.DELETE, appPath(owner, app) + "/instances", app, Deadline.none())
        .mapEmpty();
  }

  private static String appPath(String owner, String app) {
    return "/v2/organisations/" + owner + "/applications/" + app;
  }

  private Future<ApiResponse> call(
      HttpMethod method, String path, String subject, Deadline deadline) {
    URI url = URI.create(host + path);
    MultiMap headers =
        MultiMap.caseInsensitiveMultiMap()
            .set("Authorization", signer.authorization(method.name(), url))
            .set("Accept", "application/json");
    return http.send(method, url, headers, null, deadline)
        .recover(
            ApiFailures.whenUnreachable(CleverCloudProvider.NAME, "Clever Cloud API", method, path))
        .compose(response -> checked(response, method, path, subject));
  }

  private static Future<ApiResponse> checked(
      ApiResponse response, HttpMethod method, String path, String subject) {
    if (response.isSuccess()) {
      return Future.succeededFuture(response);
    }
    return Future.failedFuture(
        switch (response.status()) {
          case 401 ->
              new CredentialsRejectedException(
                  CleverCloudProvider.NAME,
                  "the Clever Cloud OAuth credentials (PROVIDER_CLEVER_OAUTH_CONSUMER_KEY,"
                      + " PROVIDER_CLEVER_OAUTH_CONSUMER_SECRET, PROVIDER_CLEVER_TOKEN,"
                      + " PROVIDER_CLEVER_SECRET) were rejected by Clever Cloud (401)");
          case 404 -> new UnknownAppException(CleverCloudProvider.NAME, subject);
          default ->
              ApiFailures.unexpected(
                  CleverCloudProvider.NAME, "Clever Cloud", response, method, path);
        });
  }
}
