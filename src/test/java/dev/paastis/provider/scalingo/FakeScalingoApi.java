package dev.paastis.provider.scalingo;

import dev.paastis.testing.CallLog;
import dev.paastis.testing.FakeRouter;
import dev.paastis.testing.Latency;
import dev.paastis.testing.LoopbackServer;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stateful fake of Scalingo (PROVIDERS.md §2) on a real loopback HTTP server: one server plays
 * the auth service ({@code /v1/tokens/exchange}, {@code /v1/regions}) and every regional API under
 * {@code /regions/{region}/v1/...}; apps, formations, containers, asynchronous scale operations,
 * the documented errors, and injected faults. Every state method may be called from the test thread
 * while the server runs.
 *
 * <p>A regional call is checked in this order: region (404 {@code {"error":"not found"}}), bearer
 * (401), injected 429s, injected failures, the per-bearer budget when enforced (429), then the
 * route. Every call is logged, even a rejected one.
 *
 * <p>Choices where PROVIDERS.md is silent: a scale while an operation of the app is {@code pending}
 * or {@code running} answers 422 {@code {"error":"an operation is already running"}} (Scalingo
 * refuses validation-like requests with 422, and the docs only say "no other operation is doable");
 * a never-deployed app ({@code new}) is scaled at once (200, no operation) and stays {@code new};
 * removed containers are {@code stopping} until the operation ends; an operation is {@code pending}
 * for half the operation delay, then {@code running}; its {@code error} and {@code finished_at} are
 * null until set. Injected faults hit regional calls only; {@link #failNextExchange} fails token
 * exchanges.
 */
public final class FakeScalingoApi implements AutoCloseable {

  /**
   * One request the fake received. {@code region} is null for the auth service; {@code path} is the
   * path as the real host would see it, without the {@code /regions/{region}} prefix.
   */
  public record Call(String method, String region, String path, Instant at)
      implements CallLog.Call {}

  private static final String REGION_PREFIX = "/regions/";

  private final Vertx vertx;
  private final String apiToken;
  private final FakeScalingoState state;
  private final ScalingoBearers bearers = new ScalingoBearers();
  private final ScalingoFaults faults = new ScalingoFaults();
  private final ScalingoRoutes routes;
  private final CallLog<Call> calls = new CallLog<>();
  private final List<FakeRouter> routers = new CopyOnWriteArrayList<>();
  private LoopbackServer server;

  private FakeScalingoApi(Vertx vertx, String apiToken, List<String> regions) {
    this.vertx = vertx;
    this.apiToken = apiToken;
    this.state = new FakeScalingoState(vertx, regions);
    this.routes = new ScalingoRoutes(state, this::apiUrl);
    state.onChange(() -> routers.forEach(FakeRouter::changed));
  }

  /**
   * Listens on 127.0.0.1, port 0; {@code apiToken} is the only API token the exchange accepts,
   * {@code regions} (like {@code osc-fr1}) the regional APIs served.
   */
  public static FakeScalingoApi start(Vertx vertx, String apiToken, List<String> regions) {
    if (regions.isEmpty()) {
      throw new IllegalArgumentException("at least one region");
    }
    FakeScalingoApi api = new FakeScalingoApi(vertx, apiToken, regions);
    api.server = LoopbackServer.start(vertx, api::handle);
    return api;
  }

  /** The auth service, like {@code https://auth.scalingo.com}, without a trailing slash. */
  public URI authUrl() {
    return server.uri();
  }

  /** A region's API, like {@code https://api.osc-fr1.scalingo.com}; paths start with /v1. */
  public URI apiUrl(String region) {
    return URI.create(authUrl() + REGION_PREFIX + region);
  }

  @Override
  public void close() {
    routers.forEach(FakeRouter::close);
    server.close();
  }

  // ---- auth --------------------------------------------------------------------------------

  /** How long a bearer issued from now on is accepted, and its {@code exp}; 1 hour by default. */
  public void setBearerLifetime(Duration lifetime) {
    bearers.setLifetime(lifetime);
  }

  /** Every bearer issued so far is refused from now on; new exchanges work. */
  public void expireAllBearers() {
    bearers.expireAll();
  }

  /** Successful token exchanges so far. */
  public int exchangeCount() {
    return bearers.exchangeCount();
  }

  /** The next {@code count} token exchanges answer {@code status} with an error body. */
  public void failNextExchange(int count, int status) {
    faults.failNextExchange(count, status);
  }

  // ---- state -------------------------------------------------------------------------------

  /**
   * Adds a deployed app with this formation (container type to amount, size {@code M}); its
   * containers run already and it is {@code running}, or {@code stopped} when every amount is 0.
   * {@code url} may be null. Returns the app's id.
   */
  public String addApp(String region, String name, String url, Map<String, Integer> formation) {
    return state.addApp(region, name, url, formation, true);
  }

  /**
   * Adds a deployed app like {@link #addApp} whose {@code url} is its own router ({@link
   * ScalingoRouter}): Scalingo's 503 while no web container runs, the app's answer once one does,
   * that is once the scale operation is done (the operation delay is the boot time).
   */
  public FakeRouter addRoutedApp(String region, String name, Map<String, Integer> formation) {
    FakeRouter router =
        FakeRouter.start(vertx, name, () -> ScalingoRouter.route(state, region, name), Map.of());
    routers.add(router);
    state.addApp(region, name, router.uri().toString(), formation, true);
    router.changed();
    return router;
  }

  /** Adds a never-deployed app: status {@code new}, empty formation. Returns its id. */
  public String addNewApp(String region, String name) {
    return addNewApp(region, name, Map.of());
  }

  /** A never-deployed app whose formation is already declared (amounts, no containers). */
  public String addNewApp(String region, String name, Map<String, Integer> formation) {
    return state.addApp(region, name, null, formation, false);
  }

  /** Container type to amount, by type name, of an app given by name or id. */
  public Map<String, Integer> formationOf(String region, String app) {
    return state.formationOf(region, app);
  }

  /** The app's {@code status}: new, running, stopped, scaling, crashed. */
  public String statusOf(String region, String app) {
    return state.statusOf(region, app);
  }

  /** The app turns {@code crashed} and so do its containers. */
  public void crash(String region, String app) {
    state.crash(region, app);
  }

  /**
   * The app's next operation ends {@code error} with this message, and the app {@code crashed}. A
   * scale of a never-deployed app starts no operation, so the failure stays armed.
   */
  public void failNextOperation(String region, String app, String error) {
    state.failNextOperation(region, app, error);
  }

  /**
   * How long an operation takes from {@code pending} to {@code done}, and so how long new
   * containers boot; 300 ms by default.
   */
  public void setOperationDelay(Duration delay) {
    state.setOperationDelay(delay);
  }

  // ---- faults ------------------------------------------------------------------------------

  /**
   * The next {@code count} authenticated regional calls answer 429: {@code Retry later} as
   * text/plain when {@code plainText}, else {@code {"error":"rate limit exceeded","code":...}}.
   */
  public void rateLimitNext(int count, boolean plainText) {
    faults.rateLimitNext(count, plainText);
  }

  /**
   * The next {@code count} authenticated regional calls answer {@code status}, {@code {"error"}}.
   */
  public void failNext(int count, int status) {
    faults.failNext(count, status);
  }

  /** Every answer is delayed by this much (a timer, the event loop stays free). */
  public void setLatency(Duration latency) {
    faults.setLatency(latency);
  }

  /**
   * While true, a bearer that was served 60 regional calls within the last minute gets 429 {@code
   * Retry later} (text/plain). Off by default; switching resets the counts.
   */
  public void enforceRateLimit(boolean enforce) {
    faults.enforceRateLimit(enforce);
  }

  // ---- call log ----------------------------------------------------------------------------

  /** The calls received so far, to count or clear. */
  public CallLog<Call> calls() {
    return calls;
  }

  /** Calls to this region's API with this method whose path starts with {@code pathPrefix}. */
  public int callCount(String region, String method, String pathPrefix) {
    return calls.count(
        call ->
            region.equals(call.region())
                && call.method().equals(method)
                && call.path().startsWith(pathPrefix));
  }

  // ---- serving -----------------------------------------------------------------------------

  private void handle(HttpServerRequest request) {
    String region = null;
    String path = request.path();
    if (path.startsWith(REGION_PREFIX)) {
      int slash = path.indexOf('/', REGION_PREFIX.length());
      region = path.substring(REGION_PREFIX.length(), slash < 0 ? path.length() : slash);
      path = slash < 0 ? "/" : path.substring(slash);
    }
    calls.add(new Call(request.method().name(), region, path, Instant.now()));
    String callRegion = region;
    String callPath = path;
    request
        .body()
        .onSuccess(
            body -> {
              Latency.answerAfter(
                  vertx,
                  faults.latency(),
                  () -> write(request, answer(request, callRegion, callPath, body)));
            });
  }

  private ScalingoReply answer(HttpServerRequest request, String region, String path, Buffer body) {
    if (region == null) {
      return auth(request, path);
    }
    if (!state.hasRegion(region)) {
      return ScalingoReply.endpointNotFound();
    }
    String bearer = bearer(request);
    if (bearer == null) {
      return ScalingoReply.unauthenticated();
    }
    ScalingoReply fault = faults.take(bearer);
    if (fault != null) {
      return fault;
    }
    return routes.route(region, request.method(), path, body);
  }

  private ScalingoReply auth(HttpServerRequest request, String path) {
    if (path.equals("/v1/tokens/exchange") && request.method() == HttpMethod.POST) {
      if (!(":" + apiToken).equals(basicCredentials(request))) {
        return ScalingoReply.error(401, "invalid token");
      }
      ScalingoReply failure = faults.takeExchange();
      if (failure != null) {
        return failure;
      }
      return ScalingoReply.ok(new JsonObject().put("token", bearers.issue()));
    }
    if (path.equals("/v1/regions") && request.method() == HttpMethod.GET) {
      if (bearer(request) == null) {
        return ScalingoReply.unauthenticated();
      }
      return ScalingoReply.ok(new JsonObject().put("regions", regions()));
    }
    return ScalingoReply.endpointNotFound();
  }

  private JsonArray regions() {
    JsonArray regions = new JsonArray();
    List<String> names = state.regions();
    for (String name : names) {
      regions.add(
          new JsonObject()
              .put("name", name)
              .put("display_name", name)
              .put("api", apiUrl(name).toString())
              .put("dashboard", "https://my." + name + ".scalingo.com")
              .put("database_api", "https://db-api." + name + ".scalingo.com")
              .put("ssh", "ssh." + name + ".scalingo.com:22")
              .put("default", name.equals(names.get(0))));
    }
    return regions;
  }

  /** The bearer of {@code Authorization: Bearer ...} when this fake issued it and it is valid. */
  private String bearer(HttpServerRequest request) {
    String authorization = request.getHeader("Authorization");
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      return null;
    }
    String bearer = authorization.substring("Bearer ".length()).trim();
    return bearers.valid(bearer) ? bearer : null;
  }

  /** The decoded {@code user:password} of HTTP Basic auth, or null. */
  private static String basicCredentials(HttpServerRequest request) {
    String authorization = request.getHeader("Authorization");
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      return new String(
          Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private void write(HttpServerRequest request, ScalingoReply reply) {
    HttpServerResponse response =
        request
            .response()
            .setStatusCode(reply.status())
            .putHeader("X-Request-ID", UUID.randomUUID().toString());
    reply.headers().forEach(response::putHeader);
    if (reply.body() instanceof String text) {
      response.putHeader("Content-Type", "text/plain; charset=utf-8").end(text);
    } else {
      response.putHeader("Content-Type", "application/json").end(Json.encode(reply.body()));
    }
  }
}
