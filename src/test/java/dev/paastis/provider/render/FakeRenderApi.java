package dev.paastis.provider.render;

import dev.paastis.testing.CallLog;
import dev.paastis.testing.FakeRouter;
import dev.paastis.testing.LoopbackServer;
import io.vertx.core.Vertx;
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

/**
 * A stateful fake of Render's public API v1 (the provider's package documentation) on a real
 * loopback HTTP server, under {@code /v1}: web services (and other types, which the {@code type}
 * filter leaves out), their deploys, suspend and resume that go through a resume's deploy statuses,
 * cursor paging, the bearer API key, Render's error shapes, and injected faults. Every state method
 * may be called from the test thread while the server runs.
 *
 * <p>A call is checked in this order: the {@code /v1} prefix (404), the bearer (401), injected
 * 429s, injected failures, then the route. Every call is logged, even a rejected one.
 */
public final class FakeRenderApi implements AutoCloseable {

  /** One request the fake received; {@code path} without the query, {@code query} raw or empty. */
  public record Call(String method, String path, String query, Instant at)
      implements CallLog.Call {}

  /** The workspace services are added to unless another is named. */
  public static final String OWNER = "tea-fakeowner0000000000";

  private final Vertx vertx;
  private final String apiKey;
  private final FakeRenderState state;
  private final RenderRoutes routes;
  private final CallLog<Call> calls = new CallLog<>();
  private final List<FakeRouter> routers = new CopyOnWriteArrayList<>();
  private int rateLimits;
  private int retryAfterSeconds;
  private int failures;
  private int failureStatus;
  private LoopbackServer server;

  private FakeRenderApi(Vertx vertx, String apiKey) {
    this.vertx = vertx;
    this.apiKey = apiKey;
    this.state = new FakeRenderState(vertx);
    this.routes = new RenderRoutes(state);
    state.onChange(() -> routers.forEach(FakeRouter::changed));
  }

  /** Listens on 127.0.0.1, port 0; {@code apiKey} is the only key it accepts. */
  public static FakeRenderApi start(Vertx vertx, String apiKey) {
    FakeRenderApi api = new FakeRenderApi(vertx, apiKey);
    api.server = LoopbackServer.start(vertx, api::handle);
    return api;
  }

  /** Like {@code https://api.render.com/v1}, without a trailing slash. */
  public URI apiUrl() {
    return URI.create(server.uri() + "/v1");
  }

  @Override
  public void close() {
    routers.forEach(FakeRouter::close);
    server.close();
  }

  // ---- state -------------------------------------------------------------------------------

  /** Adds a web service of {@link #OWNER}, deployed once; {@code url} may be null. Its id. */
  public String addService(String name, String url, boolean suspended) {
    return addService(OWNER, name, url, suspended);
  }

  public String addService(String ownerId, String name, String url, boolean suspended) {
    return state.add(ownerId, name, "web_service", url, suspended).id;
  }

  /** Adds a service of another type ({@code background_worker}, {@code static_site}...). */
  public String addOtherService(String type, String name) {
    return state.add(OWNER, name, type, null, false).id;
  }

  /**
   * Adds a web service whose {@code url} is its own edge ({@link RenderEdge}): the suspended page,
   * then no server until a resume's deploy is live, then the service.
   */
  public FakeRouter addRoutedService(String name, boolean suspended) {
    FakeRouter router =
        FakeRouter.start(vertx, name, () -> RenderEdge.route(state, name), Map.of());
    routers.add(router);
    state.add(OWNER, name, "web_service", router.uri().toString(), suspended);
    router.changed();
    return router;
  }

  public boolean isSuspended(String name) {
    synchronized (state) {
      return state.byName(name).suspended;
    }
  }

  /** The statuses of the service's deploys, newest first. */
  public List<String> deployStatuses(String name) {
    synchronized (state) {
      return state.byName(name).deploys.stream().map(deploy -> deploy.status).toList();
    }
  }

  /** How long a resume takes until its deploy is live; 400 ms by default. */
  public void setResumeDelay(Duration delay) {
    state.setResumeDelay(delay);
  }

  /** The resume under way ends at once, its deploy live, whatever the resume delay. */
  public void finishResume(String name) {
    state.finishResume(name);
  }

  /** The service's next resume ends with its deploy {@code status} ({@code build_failed}...). */
  public void failNextResume(String name, String status) {
    state.failNextResume(name, status);
  }

  /** Render suspends the service itself, with these suspenders ({@code billing}, {@code admin}). */
  public void suspendBy(String name, String... suspenders) {
    state.suspendBy(name, List.of(suspenders));
  }

  // ---- faults ------------------------------------------------------------------------------

  /** The next {@code count} authenticated calls answer 429, {@code Retry-After: seconds}. */
  public synchronized void rateLimitNext(int count, int seconds) {
    rateLimits = count;
    retryAfterSeconds = seconds;
  }

  /** The next {@code count} authenticated calls answer {@code status}, Render's error shape. */
  public synchronized void failNext(int count, int status) {
    failures = count;
    failureStatus = status;
  }

  private synchronized RenderReply fault() {
    if (rateLimits > 0) {
      rateLimits--;
      return RenderReply.rateLimited(retryAfterSeconds);
    }
    if (failures > 0) {
      failures--;
      return RenderReply.error(failureStatus, "internal_server_error", "An error occurred.");
    }
    return null;
  }

  // ---- call log ----------------------------------------------------------------------------

  public CallLog<Call> calls() {
    return calls;
  }

  // ---- serving -----------------------------------------------------------------------------

  private void handle(HttpServerRequest request) {
    String query = request.query() == null ? "" : request.query();
    calls.add(new Call(request.method().name(), request.path(), query, Instant.now()));
    request.body().onSuccess(ignored -> write(request, answer(request)));
  }

  private RenderReply answer(HttpServerRequest request) {
    String path = request.path();
    if (!path.startsWith("/v1/")) {
      return RenderReply.notFound();
    }
    if (!("Bearer " + apiKey).equals(request.getHeader("Authorization"))) {
      return RenderReply.unauthorized();
    }
    RenderReply fault = fault();
    if (fault != null) {
      return fault;
    }
    return routes.route(request.method(), path.substring(3), request.params());
  }

  private static void write(HttpServerRequest request, RenderReply reply) {
    HttpServerResponse response =
        request
            .response()
            .setStatusCode(reply.status())
            .putHeader("rndr-id", UUID.randomUUID().toString().substring(0, 18))
            .putHeader("Ratelimit-Limit", "400")
            .putHeader("Ratelimit-Remaining", "399")
            .putHeader("Ratelimit-Reset", "60");
    reply.headers().forEach(response::putHeader);
    if (reply.body() == null) {
      response.end();
    } else {
      response.putHeader("Content-Type", "application/json; charset=utf-8");
      response.end(Json.encode(reply.body()));
    }
  }
}
