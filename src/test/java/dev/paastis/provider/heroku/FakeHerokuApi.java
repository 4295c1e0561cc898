package dev.paastis.provider.heroku;

import dev.paastis.testing.CallLog;
import dev.paastis.testing.FakeRouter;
import dev.paastis.testing.Latency;
import dev.paastis.testing.LoopbackServer;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.Json;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * A stateful fake of the Heroku Platform API v3 (PROVIDERS.md §1) on a real loopback HTTP server:
 * apps, formations and dynos that boot after a delay, Range paging, the rate-limit header, and
 * injected faults. Every state method may be called from the test thread while the server runs.
 *
 * <p>Each call is checked in this order: token (401), {@code Accept} version (400 {@code
 * missing_version}, as the real API answers), injected 429s, injected failures, the rate-limit
 * budget (429 when spent), then the route. Every call is logged, even a rejected one.
 */
public final class FakeHerokuApi implements AutoCloseable {

  /** One request the fake received; {@code range} is the Range header or null. */
  public record Call(String method, String path, String range, Instant at)
      implements CallLog.Call {}

  private static final Pattern ACCEPT =
      Pattern.compile(".*application/vnd\\.heroku\\+json;\\s*version=3(\\.[\\w-]+)?\\b.*");

  private final Vertx vertx;
  private final String token;
  private final FakeHerokuState state;
  private final HerokuFaults faults = new HerokuFaults();
  private final HerokuRoutes routes;
  private final CallLog<Call> calls = new CallLog<>();
  private final List<FakeRouter> routers = new CopyOnWriteArrayList<>();
  private LoopbackServer server;

  private FakeHerokuApi(Vertx vertx, String token) {
    this.vertx = vertx;
    this.token = token;
    this.state = new FakeHerokuState(vertx);
    this.routes = new HerokuRoutes(state, faults);
    state.onChange(() -> routers.forEach(FakeRouter::changed));
  }

  /** Listens on 127.0.0.1, port 0; {@code token} is the only bearer token accepted. */
  public static FakeHerokuApi start(Vertx vertx, String token) {
    FakeHerokuApi api = new FakeHerokuApi(vertx, token);
    api.server = LoopbackServer.start(vertx, api::handle);
    return api;
  }

  /** The API root, like {@code https://api.heroku.com}, without a trailing slash. */
  public URI baseUrl() {
    return server.uri();
  }

  @Override
  public void close() {
    routers.forEach(FakeRouter::close);
    server.close();
  }

  // ---- state -------------------------------------------------------------------------------

  /**
   * Adds an app whose formation has these types and quantities; types with a quantity above 0
   * already have their dynos {@code up}. {@code webUrl} may be null. Returns the app's id.
   */
  public String addApp(String name, String region, String webUrl, Map<String, Integer> formation) {
    return state.addApp(name, region, webUrl, formation);
  }

  /**
   * Adds an app like {@link #addApp} whose {@code web_url} is its own router ({@link
   * HerokuRouter}): Heroku's page while no web dyno is up, the app's answer once one is, the boot
   * delay after a scale-up.
   */
  public FakeRouter addRoutedApp(String name, String region, Map<String, Integer> formation) {
    FakeRouter router =
        FakeRouter.start(vertx, name, () -> HerokuRouter.route(state, name), HerokuRouter.VIA);
    routers.add(router);
    state.addApp(name, region, router.uri() + "/", formation);
    router.changed();
    return router;
  }

  /** Removes an app by name or id; false when there was none. */
  public boolean removeApp(String app) {
    return state.removeApp(app);
  }

  public int appCount() {
    return state.appCount();
  }

  /** Process type to quantity, by type name, of an app given by name or id. */
  public Map<String, Integer> formationOf(String app) {
    return state.formationOf(app);
  }

  /** Dyno name ({@code web.1}) to state ({@code starting}, {@code up}, {@code crashed}...). */
  public Map<String, String> dynoStates(String app) {
    return state.dynoStates(app);
  }

  /** Every dyno of this type turns {@code crashed}. */
  public void crash(String app, String type) {
    state.crash(app, type);
  }

  public void setMaintenance(String app, boolean maintenance) {
    state.setMaintenance(app, maintenance);
  }

  /** How long a new dyno stays {@code starting} before it is {@code up}; 200 ms by default. */
  public void setBootDelay(Duration delay) {
    state.setBootDelay(delay);
  }

  // ---- faults ------------------------------------------------------------------------------

  /** The next {@code count} authenticated calls answer {@code status} with an error body. */
  public void failNext(int count, int status) {
    faults.failNext(count, status);
  }

  /** The next {@code count} authenticated calls answer 429 with this Retry-After (seconds). */
  public void rateLimitNext(int count, Duration retryAfter) {
    faults.rateLimitNext(count, retryAfter);
  }

  /** The budget left, sent as {@code RateLimit-Remaining}; each counted call spends one. */
  public void setRemaining(int remaining) {
    faults.setRemaining(remaining);
  }

  public int remaining() {
    return faults.remaining();
  }

  /** Every answer is delayed by this much (a timer, the event loop stays free). */
  public void setLatency(Duration latency) {
    faults.setLatency(latency);
  }

  /** While true, every call answers 401, whatever its token. */
  public void rejectToken(boolean reject) {
    faults.rejectToken(reject);
  }

  // ---- call log ----------------------------------------------------------------------------

  /** The calls received so far, to count or clear. */
  public CallLog<Call> calls() {
    return calls;
  }

  // ---- serving -----------------------------------------------------------------------------

  private void handle(HttpServerRequest request) {
    calls.add(
        new Call(
            request.method().name(), request.path(), request.getHeader("Range"), Instant.now()));
    request
        .body()
        .onSuccess(
            body -> {
              Latency.answerAfter(
                  vertx, faults.latency(), () -> write(request, answer(request, body)));
            });
  }

  private HerokuReply answer(HttpServerRequest request, Buffer body) {
    String authorization = request.getHeader("Authorization");
    if (faults.rejectsToken() || !("Bearer " + token).equals(authorization)) {
      return HerokuReply.error(401, "unauthorized", "Invalid credentials provided.");
    }
    String accept = request.getHeader("Accept");
    if (accept == null || !ACCEPT.matcher(accept).matches()) {
      return HerokuReply.missingVersion();
    }
    HerokuFaults.Fault fault = faults.take(HerokuRoutes.counted(request.path()));
    if (fault != null) {
      return fault(fault);
    }
    return routes.route(request.method(), request.path(), request.getHeader("Range"), body);
  }

  private static HerokuReply fault(HerokuFaults.Fault fault) {
    HerokuReply reply = HerokuReply.error(fault.status(), fault.id(), fault.message());
    if (fault.retryAfterSeconds() < 0) {
      return reply;
    }
    return new HerokuReply(
        reply.status(),
        reply.body(),
        Map.of("Retry-After", Long.toString(fault.retryAfterSeconds())));
  }

  private void write(HttpServerRequest request, HerokuReply reply) {
    HttpServerResponse response =
        request
            .response()
            .setStatusCode(reply.status())
            .putHeader("Content-Type", "application/json")
            .putHeader("RateLimit-Remaining", Integer.toString(faults.remaining()))
            .putHeader("Request-Id", UUID.randomUUID().toString());
    reply.headers().forEach(response::putHeader);
    response.end(Json.encode(reply.body()));
  }
}
