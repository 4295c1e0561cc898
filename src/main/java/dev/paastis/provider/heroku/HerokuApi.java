package dev.paastis.provider.heroku;

import dev.paastis.provider.CredentialsRejectedException;
import dev.paastis.provider.Deadline;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Heroku Platform API calls Paastis makes (PROVIDERS.md §1): the app list with Range paging,
 * formation, dynos and the batch formation update. Maps error statuses to provider exceptions; a
 * rejected token is logged at most once a minute.
 */
final class HerokuApi {

  private static final Logger LOG = LoggerFactory.getLogger(HerokuApi.class);
  private static final String ACCEPT = "application/vnd.heroku+json; version=3";
  private static final long REJECTED_LOG_INTERVAL_MS = 60_000;

  /**
   * The first page of {@code GET /apps}, as large as Heroku serves (1000; 200 without a Range): a
   * listing of 10,000 apps costs 10 calls, not 50, at every tick.
   */
  static final String FIRST_PAGE = "name ..; max=1000";

  private final HttpApi http;
  private final URI baseUrl;
  private final String token;
  private final AtomicLong lastRejectionLog = new AtomicLong();
  private final AtomicReference<Integer> remaining = new AtomicReference<>();

  HerokuApi(HttpApi http, URI baseUrl, String token) {
    this.http = http;
    this.baseUrl = baseUrl;
    this.token = token;
  }

  /** Every app of the account, by pages of 1000, following Next-Range until the last page. */
  Future<List<JsonObject>> apps() {
    return appsFrom(FIRST_PAGE, new ArrayList<>());
  }

  private Future<List<JsonObject>> appsFrom(String range, List<JsonObject> collected) {
    MultiMap headers = headers().set("Range", range);
    return call(HttpMethod.GET, "/apps", headers, null, "apps", Deadline.none())
        .compose(
            response -> {
              response.jsonArray().forEach(app -> collected.add((JsonObject) app));
              String next = response.headers().get("Next-Range");
              return response.status() == 206 && next != null
                  ? appsFrom(next, collected)
                  : Future.succeededFuture(collected);
            });
  }

  Future<JsonObject> app(String app, Deadline deadline) {
    return call(HttpMethod.GET, "/apps/" + encode(app), headers(), null, app, deadline)
        .map(ApiResponse::jsonObject);
  }

  /** Checks the token with the one call that does not count against the rate limit. */
  Future<Void> verifyToken() {
    return call(HttpMethod.GET, "/account/rate-limits", headers(), null, "account", Deadline.none())
        .mapEmpty();
  }

  Future<JsonArray> formation(String app, Deadline deadline) {
    return call(
            HttpMethod.GET, "/apps/" + encode(app) + "/formation", headers(), null, app, deadline)
        .map(ApiResponse::jsonArray);
  }

  Future<JsonArray> dynos(String app, Deadline deadline) {
    return call(HttpMethod.GET, "/apps/" + encode(app) + "/dynos", headers(), null, app, deadline)
        .map(ApiResponse::jsonArray);
  }

  /** One batch PATCH setting every given type to its quantity: one rate-limit token. */
  Future<JsonArray> scale(String app, Map<String, Integer> quantities, Deadline deadline) {
    JsonArray updates = new JsonArray();
    quantities.forEach(
        (type, quantity) ->
            updates.add(new JsonObject().put("type", type).put("quantity", quantity)));
    Buffer body = new JsonObject().put("updates", updates).toBuffer();
    MultiMap headers = headers().set("Content-Type", "application/json");
    return call(
            HttpMethod.PATCH, "/apps/" + encode(app) + "/formation", headers, body, app, deadline)
        .map(ApiResponse::jsonArray);
  }

  /** The rate-limit tokens left, as the last response said; null before any call. */
  Integer remaining() {
    return remaining.get();
  }

  private Future<ApiResponse> call(
      HttpMethod method,
      String path,
      MultiMap headers,
      Buffer body,
      String subject,
      Deadline deadline) {
    return http.send(method, URI.create(baseUrl + path), headers, body, deadline)
        .recover(ApiFailures.whenUnreachable(HerokuProvider.NAME, "Heroku API", method, path))
        .compose(response -> checked(response, method, path, subject));
  }

  private Future<ApiResponse> checked(
      ApiResponse response, HttpMethod method, String path, String subject) {
    String left = response.headers().get("RateLimit-Remaining");
    if (left != null) {
      try {
        remaining.set(Integer.parseInt(left.trim()));
      } catch (NumberFormatException ignored) {
        // a malformed header only costs us the information
      }
    }
    if (response.isSuccess()) {
      return Future.succeededFuture(response);
    }
    int status = response.status();
    if (status == 401 || status == 403) {
      return Future.failedFuture(rejected(status));
    }
    if (status == 404 && !path.equals("/apps")) {
      return Future.failedFuture(new UnknownAppException(HerokuProvider.NAME, subject));
    }
    return Future.failedFuture(
        ApiFailures.unexpected(HerokuProvider.NAME, "Heroku", response, method, path));
  }

  private CredentialsRejectedException rejected(int status) {
    String message = "PROVIDER_HEROKU_API_TOKEN was rejected by Heroku (" + status + ")";
    long now = System.currentTimeMillis();
    long last = lastRejectionLog.get();
    if (now - last >= REJECTED_LOG_INTERVAL_MS && lastRejectionLog.compareAndSet(last, now)) {
      LOG.error(message);
    }
    return new CredentialsRejectedException(HerokuProvider.NAME, message);
  }

  private MultiMap headers() {
    return MultiMap.caseInsensitiveMultiMap()
        .set("Accept", ACCEPT)
        .set("Authorization", "Bearer " + token)
        .set("User-Agent", "paastis");
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8);
  }
}
