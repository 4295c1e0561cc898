package dev.paastis.provider.clevercloud;

import dev.paastis.testing.CallLog;
import dev.paastis.testing.FakeRouter;
import dev.paastis.testing.Latency;
import dev.paastis.testing.LoopbackServer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.Json;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stateful fake of the Clever Cloud API v2 (PROVIDERS.md §3) on a real loopback HTTP server: the
 * OAuth 1.0a check, the user, its organisations, their apps with instances and deployments, start
 * (redeploy) and stop (undeploy) with asynchronous deployments, the documented errors, and injected
 * faults. Every state method may be called from the test thread while the server runs.
 *
 * <p>A call is checked in this order: OAuth (401 {@code {"id":401,"message":"Unauthorized",
 * "type":"error"}}, the reason kept in {@link Call#rejection()}), injected failures, then the
 * route. Every call is logged, even a rejected one.
 *
 * <p>OAuth: PLAINTEXT (the signature method when none is given), HMAC-SHA512 and HMAC-SHA1 are
 * accepted for the one consumer and the one user token given to {@link #start}. The URL of the HMAC
 * base string is {@code http://} plus the {@code Host} header (lowercased) plus the raw path, the
 * way the client called it; the query parameters join the sorted parameters. Timestamps and nonces
 * must be present for HMAC but are not checked for freshness or reuse.
 *
 * <p>Routes: {@code GET /v2/self}, {@code /v2/summary}, {@code /v2/organisations}, and under both
 * {@code /v2/organisations/{owner}/applications} and {@code /v2/self/applications}: the list, one
 * app, {@code instances} (GET with {@code deploymentId}, POST start, DELETE stop), {@code
 * deployments} ({@code limit}, {@code offset}, {@code action}), {@code deployments/{uuid or id}},
 * {@code vhosts}.
 *
 * <p>Choices where PROVIDERS.md is silent: the summary lists the personal space as the first entry
 * of {@code organisations} (same id as the user), as the real API may; an app of another owner
 * answers 404 {@code {"id":4004,"message":"Application not found","type":"error"}}, and so does any
 * app path under an unknown owner, while the app list of an unknown owner is 404 {@code
 * "Organisation not found"}; start and stop of a {@code MODERATED} or {@code DEFAULT_OF_PAYMENT}
 * app answer 403 {@code {"id":403,"message":…,"type":"error"}} and change nothing; start and stop
 * answer 200; a start or stop while a deployment is {@code WIP} cancels it ({@code CANCELLED}). A
 * new app has one {@code OK} DEPLOY deployment, followed by an {@code OK} UNDEPLOY when it is not
 * running; one XS instance when running ({@code minInstances} = {@code maxInstances} = 1). Vhosts
 * are served as given (pass {@code "example.com/"} to mimic a trailing slash); the default one is
 * {@code app-<uuid>.cleverapps.io}. Injected failures answer {@code {"id":status,"message",
 * "type":"error"}} to authenticated calls only.
 */
public final class FakeCleverApi implements AutoCloseable {

  /**
   * One request the fake received: the raw path and query (null when none), and why the OAuth check
   * refused it, or null when it passed.
   */
  public record Call(String method, String path, String query, String rejection, Instant at)
      implements CallLog.Call {}

  private final Vertx vertx;
  private final CleverOAuth oauth;
  private final FakeCleverState state;
  private final CleverFaults faults = new CleverFaults();
  private final CleverRoutes routes;
  private final CallLog<Call> calls = new CallLog<>();
  private final List<FakeRouter> routers = new CopyOnWriteArrayList<>();
  private final Map<FakeRouter, String> routedIds = new ConcurrentHashMap<>();
  private LoopbackServer server;

  private FakeCleverApi(Vertx vertx, CleverOAuth oauth) {
    this.vertx = vertx;
    this.oauth = oauth;
    this.state = new FakeCleverState(vertx);
    this.routes = new CleverRoutes(state);
    state.onChange(() -> routers.forEach(FakeRouter::changed));
  }

  /**
   * Listens on 127.0.0.1, port 0; the consumer (key, secret) and the user token (token, secret) are
   * the only ones accepted.
   */
  public static FakeCleverApi start(
      Vertx vertx, String consumerKey, String consumerSecret, String token, String tokenSecret) {
    FakeCleverApi api =
        new FakeCleverApi(vertx, new CleverOAuth(consumerKey, consumerSecret, token, tokenSecret));
    api.server = LoopbackServer.start(vertx, api::handle);
    return api;
  }

  /** Like {@code https://api.clever-cloud.com}, without a trailing slash; paths start with /v2. */
  public URI baseUrl() {
    return server.uri();
  }

  @Override
  public void close() {
    routers.forEach(FakeRouter::close);
    server.close();
  }

  // ---- state -------------------------------------------------------------------------------

  /** The id ({@code user_<uuid>}) of the user the tokens belong to, owner of the personal space. */
  public String userId() {
    return state.user().id;
  }

  /** Adds an organisation the user belongs to; returns its id, {@code orga_<uuid>}. */
  public String addOrganisation(String name) {
    return state.addOrganisation(name);
  }

  /**
   * Adds an app to the personal space, {@code SHOULD_BE_UP} with one instance {@code UP} when
   * {@code running}, else {@code SHOULD_BE_DOWN} without instances. An empty {@code vhosts} gives
   * the default {@code app-<uuid>.cleverapps.io}. Returns its id, {@code app_<uuid>}.
   */
  public String addUserApp(String name, String zone, List<String> vhosts, boolean running) {
    return state.addApp(userId(), name, zone, vhosts, running);
  }

  /**
   * Adds an app to the personal space like {@link #addUserApp} whose only vhost is its own router
   * ({@link CleverRouter}): Sōzu's 404 while no instance is {@code UP}, the app's answer once one
   * is, the deploy delay after a start. Returns its router; the app's id is {@link
   * #idOf(FakeRouter)}.
   */
  public FakeRouter addRoutedUserApp(String name, String zone, boolean running) {
    String[] id = new String[1];
    FakeRouter router =
        FakeRouter.start(
            vertx, name, () -> CleverRouter.route(state, id[0]), CleverRouter.ON_EVERY_ANSWER);
    routers.add(router);
    id[0] = state.addApp(userId(), name, zone, List.of(router.uri().getAuthority()), running);
    routedIds.put(router, id[0]);
    router.changed();
    return router;
  }

  /** The id ({@code app_<uuid>}) of the app behind a router of {@link #addRoutedUserApp}. */
  public String idOf(FakeRouter router) {
    return routedIds.get(router);
  }

  /** Like {@link #addUserApp} in the organisation {@code orgId}. */
  public String addOrgApp(
      String orgId, String name, String zone, List<String> vhosts, boolean running) {
    return state.addApp(orgId, name, zone, vhosts, running);
  }

  /**
   * The app's {@code state}: SHOULD_BE_UP, SHOULD_BE_DOWN, WANTS_TO_BE_UP, MODERATED,
   * DEFAULT_OF_PAYMENT.
   */
  public String stateOf(String appId) {
    return state.stateOf(appId);
  }

  /** Sets the app's {@code state}, like {@code MODERATED} or {@code DEFAULT_OF_PAYMENT}. */
  public void setState(String appId, String appState) {
    state.setState(appId, appState);
  }

  /** A homogeneous app loses its instances as soon as a redeploy begins; false by default. */
  public void setHomogeneous(String appId, boolean homogeneous) {
    state.setHomogeneous(appId, homogeneous);
  }

  /** The states of the app's instances ({@code UP}, {@code DEPLOYING}), oldest first. */
  public List<String> instanceStates(String appId) {
    return state.instanceStates(appId);
  }

  /** The app's next deployment ends {@code FAIL}: its instances go away, no state change. */
  public void failNextDeploy(String appId) {
    state.failNextDeploy(appId);
  }

  /**
   * How long a deployment stays {@code WIP}, and so how long new instances boot; 300 ms by default.
   */
  public void setDeployDelay(Duration delay) {
    state.setDeployDelay(delay);
  }

  // ---- faults ------------------------------------------------------------------------------

  /** The next {@code count} authenticated calls answer {@code status} with an error body. */
  public void failNext(int count, int status) {
    faults.failNext(count, status);
  }

  /** Every answer is delayed by this much (a timer, the event loop stays free). */
  public void setLatency(Duration latency) {
    faults.setLatency(latency);
  }

  // ---- call log ----------------------------------------------------------------------------

  /** The calls received so far, to count or clear. */
  public CallLog<Call> calls() {
    return calls;
  }

  // ---- serving -----------------------------------------------------------------------------

  private void handle(HttpServerRequest request) {
    String host = request.getHeader("Host");
    if (host == null) {
      host = "127.0.0.1:" + server.port();
    }
    String url = "http://" + host.toLowerCase(Locale.ROOT) + request.path();
    String rejection =
        oauth.reject(
            request.method().name(), url, request.query(), request.getHeader("Authorization"));
    calls.add(
        new Call(
            request.method().name(), request.path(), request.query(), rejection, Instant.now()));
    request
        .body()
        .onSuccess(
            body -> {
              Latency.answerAfter(
                  vertx, faults.latency(), () -> write(request, answer(request, rejection)));
            });
  }

  private CleverReply answer(HttpServerRequest request, String rejection) {
    if (rejection != null) {
      return CleverReply.unauthorized();
    }
    CleverReply fault = faults.take();
    if (fault != null) {
      return fault;
    }
    return routes.route(request.method(), request.path(), request.params());
  }

  private static void write(HttpServerRequest request, CleverReply reply) {
    request
        .response()
        .setStatusCode(reply.status())
        .putHeader("Content-Type", "application/json")
        .end(Json.encode(reply.body()));
  }
}
