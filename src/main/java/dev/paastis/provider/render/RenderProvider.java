package dev.paastis.provider.render;

import dev.paastis.app.AppState;
import dev.paastis.app.Formation;
import dev.paastis.app.ProviderApp;
import dev.paastis.config.PaastisConfig;
import dev.paastis.config.ProviderSection;
import dev.paastis.provider.AnswerOrigin;
import dev.paastis.provider.Deadline;
import dev.paastis.provider.Provider;
import dev.paastis.provider.RouterPages;
import dev.paastis.provider.StartupCheck;
import dev.paastis.provider.UnknownAppException;
import dev.paastis.provider.internal.HttpApi;
import dev.paastis.provider.internal.Readings;
import dev.paastis.provider.internal.RetryPolicy;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Render web services of the workspaces the API key sees (or of PROVIDER_RENDER_OWNER_ID). App key
 * = service name; upstream = its {@code serviceDetails.url}; state from its suspension and newest
 * deploys. Stop suspends, start resumes (a deploy): the formation is Render's own, Paastis neither
 * records nor sets instance counts. The calls each operation costs are in the package's
 * documentation.
 */
public final class RenderProvider implements Provider, StartupCheck, RouterPages {

  static final String NAME = "render";

  /** The header Render's edge puts on its own answers (see the package's documentation). */
  static final String ROUTING_HEADER = "x-render-routing";

  /** A status read this recently is reused: readiness polls fast, GETs share one rate limit. */
  private static final Duration FRESH = Duration.ofSeconds(1);

  private final HttpClient client;
  private final RenderApi api;
  private final Duration operationTimeout;
  private final Readings<ProviderApp> lastStatus;
  private final PendingResumes resumes;
  private final Map<String, String> idOf = new ConcurrentHashMap<>();

  /** The state last reported of each listed service, to spot those that changed. */
  private final Map<String, AppState> lastSeen = new ConcurrentHashMap<>();

  /** How the Render provider reads its variables, for {@link dev.paastis.config.ConfigLoader}. */
  public static ProviderSection section() {
    return new ProviderSection(
        NAME,
        variables -> variables.isSet(RenderConfig.KEY),
        RenderConfig::read,
        RenderConfig::ownApp);
  }

  /** The Render provider the configuration describes, on the given clock. */
  public static RenderProvider create(Vertx vertx, PaastisConfig config, Clock clock) {
    return new RenderProvider(
        vertx, (RenderConfig) config.providers().settings(NAME), clock, RenderApi.MAX_PAGE);
  }

  /** {@code pageSize} is {@link RenderApi#MAX_PAGE}; tests page with fewer. */
  RenderProvider(Vertx vertx, RenderConfig config, Clock clock, int pageSize) {
    this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true));
    String key =
        config
            .apiKey()
            .orElseThrow(() -> new IllegalArgumentException(RenderConfig.KEY + " is not set"))
            .value();
    this.api =
        new RenderApi(
            new HttpApi(vertx, client, NAME, RetryPolicy.standard()),
            config.apiUrl(),
            key,
            config.ownerId(),
            pageSize);
    this.operationTimeout = config.operationTimeout();
    this.lastStatus = new Readings<>(clock, FRESH, Duration.ZERO);
    this.resumes = new PendingResumes(clock, operationTimeout);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Duration operationTimeout() {
    return operationTimeout;
  }

  /** Listing one service proves the key works. */
  @Override
  public Future<Void> verify() {
    return api.check(Deadline.none());
  }

  /**
   * Render's edge marks its own answers (a suspended service, no server, a wake that failed) with
   * {@code x-render-routing}; without it, 502, 503 and 504 are still a gateway's.
   */
  @Override
  public AnswerOrigin originOf(int status, MultiMap headers) {
    if (headers.contains(ROUTING_HEADER)) {
      return AnswerOrigin.PLATFORM;
    }
    return RouterPages.GATEWAY_ERRORS.originOf(status, headers);
  }

  /**
   * Every page of web services. A suspended service is stopped, and a service not suspended is
   * running without another call, unless it was last seen otherwise (suspended, starting, failed):
   * only those read their deploys, so that a tick costs the listing plus the services that changed.
   */
  @Override
  public Future<List<ProviderApp>> list() {
    return api.webServices(Deadline.none())
        .compose(
            services -> {
              List<Future<ProviderApp>> apps = new ArrayList<>();
              Set<String> seen = new HashSet<>();
              for (JsonObject service : services) {
                String key = service.getString("name");
                if (key != null && seen.add(key)) {
                  idOf.put(key, service.getString("id"));
                  apps.add(listed(key, service));
                }
              }
              lastSeen.keySet().retainAll(seen);
              idOf.keySet().retainAll(seen);
              return Future.all(apps).map(all -> all.<ProviderApp>list());
            });
  }

  private Future<ProviderApp> listed(String key, JsonObject service) {
    AppState last = lastSeen.get(key);
    if (RenderServices.isSuspended(service) || last == null || last == AppState.RUNNING) {
      AppState state =
          RenderServices.isSuspended(service)
              ? RenderServices.suspendedState(service)
              : AppState.RUNNING;
      return Future.succeededFuture(seen(RenderServices.describe(service, state)));
    }
    return withDeploys(key, service, Deadline.none());
  }

  @Override
  public Future<ProviderApp> status(String key, Deadline deadline) {
    return lastStatus
        .fresh(key)
        .map(Future::succeededFuture)
        .orElseGet(
            () ->
                find(key, deadline)
                    .compose(
                        service ->
                            RenderServices.isSuspended(service)
                                ? Future.succeededFuture(
                                    seen(
                                        RenderServices.describe(
                                            service, RenderServices.suspendedState(service))))
                                : withDeploys(key, service, deadline))
                    .onSuccess(app -> lastStatus.put(key, app)));
  }

  /** A service that is not suspended, its state read from its newest deploys. */
  private Future<ProviderApp> withDeploys(String key, JsonObject service, Deadline deadline) {
    return api.newestDeploys(key, service.getString("id"), deadline)
        .map(
            deploys -> {
              List<JsonObject> relevant = resumes.since(key, deploys);
              AppState state =
                  relevant.isEmpty() && resumes.isMarked(key)
                      ? AppState.STARTING
                      : RenderServices.deployState(relevant);
              return seen(RenderServices.describe(service, state));
            });
  }

  private ProviderApp seen(ProviderApp app) {
    lastSeen.put(app.key(), app.state());
    return app;
  }

  /** The service of this name, by Render's {@code name} filter, kept to its exact name. */
  private Future<JsonObject> find(String key, Deadline deadline) {
    return api.webServicesNamed(key, deadline)
        .compose(
            services -> {
              for (JsonObject service : services) {
                if (key.equals(service.getString("name"))) {
                  idOf.put(key, service.getString("id"));
                  return Future.succeededFuture(service);
                }
              }
              idOf.remove(key);
              return Future.failedFuture(new UnknownAppException(NAME, key));
            });
  }

  private Future<String> idFor(String key, Deadline deadline) {
    String id = idOf.get(key);
    return id != null
        ? Future.succeededFuture(id)
        : find(key, deadline).map(service -> service.getString("id"));
  }

  /**
   * Resumes the service; the formation is ignored (Render brings back its own instance count). The
   * newest deploy is read first, so that its status is not taken for the resume's.
   */
  @Override
  public Future<Void> start(String key, Formation formation, Deadline deadline) {
    lastStatus.remove(key);
    return idFor(key, deadline)
        .compose(
            id ->
                api.newestDeploys(key, id, deadline)
                    .compose(
                        deploys -> {
                          resumes.asked(key, RenderServices.newestId(deploys));
                          return api.post(key, id, "resume", deadline);
                        }))
        .onComplete(done -> lastStatus.remove(key))
        .onFailure(failure -> forgetIfGone(key, failure));
  }

  /** Suspends the service; suspending a suspended one is accepted as well. */
  @Override
  public Future<Void> stop(String key) {
    lastStatus.remove(key);
    resumes.forget(key);
    return idFor(key, Deadline.none())
        .compose(id -> api.post(key, id, "suspend", Deadline.none()))
        .onComplete(done -> lastStatus.remove(key))
        .onFailure(failure -> forgetIfGone(key, failure));
  }

  /** A cached id Render no longer knows (deleted, or recreated under another id) is dropped. */
  private void forgetIfGone(String key, Throwable failure) {
    if (failure instanceof UnknownAppException) {
      idOf.remove(key);
    }
  }

  @Override
  public Future<Void> close() {
    return client.close();
  }
}
