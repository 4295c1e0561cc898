package dev.paastis.provider.scalingo;

import dev.paastis.app.AppState;
import dev.paastis.app.Formation;
import dev.paastis.app.ProviderApp;
import dev.paastis.config.PaastisConfig;
import dev.paastis.config.ProviderSection;
import dev.paastis.provider.AnswerOrigin;
import dev.paastis.provider.Deadline;
import dev.paastis.provider.Provider;
import dev.paastis.provider.ProviderException;
import dev.paastis.provider.RouterPages;
import dev.paastis.provider.StartupCheck;
import dev.paastis.provider.internal.HttpApi;
import dev.paastis.provider.internal.Readings;
import dev.paastis.provider.internal.RetryPolicy;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Scalingo apps of every configured region. App key = app name; upstream = its {@code url}; state
 * from its {@code status}. Stop and start scale every container type (to 0, then back to the saved
 * amounts) and wait for the scale operation; operations on one app are serialized, since Scalingo
 * refuses concurrent ones.
 */
public final class ScalingoProvider implements Provider, StartupCheck, RouterPages {

  static final String NAME = "scalingo";

  /** Scalingo's CLI polls operations every second too; the API allows 60 requests a minute. */
  private static final Duration OPERATION_POLL = Duration.ofSeconds(1);

  /** A status read this recently is reused: readiness polls fast, the rate limit is low. */
  private static final Duration FRESH = Duration.ofSeconds(1);

  private final Vertx vertx;
  private final HttpClient client;
  private final ScalingoAuth auth;
  private final ScalingoRegions regions;
  private final Duration operationTimeout;
  private final Map<String, Future<?>> lastOperation = new ConcurrentHashMap<>();
  private final Readings<ProviderApp> lastStatus;

  /** How the Scalingo provider reads its variables, for {@link dev.paastis.config.ConfigLoader}. */
  public static ProviderSection section() {
    return new ProviderSection(
        NAME,
        variables -> variables.isSet(ScalingoConfig.TOKEN),
        ScalingoConfig::read,
        ScalingoConfig::ownApp);
  }

  /** The Scalingo provider the configuration describes, on the given clock. */
  public static ScalingoProvider create(Vertx vertx, PaastisConfig config, Clock clock) {
    return new ScalingoProvider(vertx, (ScalingoConfig) config.providers().settings(NAME), clock);
  }

  ScalingoProvider(Vertx vertx, ScalingoConfig config, Clock clock) {
    this.vertx = vertx;
    this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true));
    HttpApi http = new HttpApi(vertx, client, NAME, RetryPolicy.standard());
    String token =
        config
            .apiToken()
            .orElseThrow(
                () -> new IllegalArgumentException("PROVIDER_SCALINGO_API_TOKEN is not set"))
            .value();
    this.auth = new ScalingoAuth(http, config.authUrl(), token, clock);
    // a listing reads no state here (the status field comes with it): nothing to reconcile
    this.lastStatus = new Readings<>(clock, FRESH, Duration.ZERO);
    this.regions =
        new ScalingoRegions(
            config.regions().stream()
                .map(region -> new ScalingoApi(http, auth, config.apiUrl(region), region))
                .toList());
    this.operationTimeout = config.operationTimeout();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Duration operationTimeout() {
    return operationTimeout;
  }

  /** Exchanging the API token proves it works. */
  @Override
  public Future<Void> verify() {
    return auth.bearer(Deadline.none()).mapEmpty();
  }

  /** The routers' pages are 502, 503 and 504: see the package's documentation. */
  @Override
  public AnswerOrigin originOf(int status, MultiMap headers) {
    return RouterPages.GATEWAY_ERRORS.originOf(status, headers);
  }

  @Override
  public Future<List<ProviderApp>> list() {
    List<Future<List<ProviderApp>>> perRegion =
        regions.all().stream()
            .map(
                api ->
                    api.apps()
                        .map(
                            apps -> {
                              List<ProviderApp> described = new ArrayList<>();
                              for (Object app : apps) {
                                JsonObject json = (JsonObject) app;
                                regions.remember(json.getString("name"), api);
                                described.add(
                                    ScalingoApps.describe(json, api.region(), Formation.EMPTY));
                              }
                              return described;
                            }))
            .toList();
    return Future.all(perRegion)
        .map(
            all -> {
              List<ProviderApp> apps = new ArrayList<>();
              perRegion.forEach(region -> apps.addAll(region.result()));
              return apps;
            });
  }

  @Override
  public Future<ProviderApp> status(String key, Deadline deadline) {
    return lastStatus
        .fresh(key)
        .map(Future::succeededFuture)
        .orElseGet(() -> read(key, deadline).onSuccess(app -> lastStatus.put(key, app)));
  }

  private Future<ProviderApp> read(String key, Deadline deadline) {
    return regions
        .of(key, deadline)
        .compose(
            api ->
                api.app(key, deadline)
                    .compose(
                        app -> {
                          AppState state = ScalingoApps.state(app.getString("status"));
                          if (state != AppState.RUNNING) {
                            return Future.succeededFuture(
                                ScalingoApps.describe(app, api.region(), Formation.EMPTY));
                          }
                          // the formation matters only for an app about to be stopped
                          return api.containers(key, deadline)
                              .map(
                                  containers ->
                                      ScalingoApps.describe(
                                          app, api.region(), ScalingoApps.formation(containers)));
                        }));
  }

  @Override
  public Future<Void> start(String key, Formation wanted, Deadline deadline) {
    return withFormation(
        key,
        deadline,
        (api, current) -> {
          if (current.isEmpty()) {
            return Future.failedFuture(
                new ProviderException(
                    NAME,
                    "app "
                        + key
                        + " has no container types on Scalingo: deploy it before Paastis can"
                        + " start it"));
          }
          List<String> types = List.copyOf(current.quantities().keySet());
          return scaleAndWait(api, key, wanted.restoreOnto(types), deadline);
        });
  }

  @Override
  public Future<Void> stop(String key) {
    return withFormation(
        key,
        Deadline.none(),
        (api, current) -> {
          if (current.total() == 0) {
            return Future.succeededFuture();
          }
          Map<String, Integer> zero = new LinkedHashMap<>();
          current.quantities().keySet().forEach(type -> zero.put(type, 0));
          return scaleAndWait(api, key, zero, Deadline.none());
        });
  }

  /** Reads the app's container formation in its region, then runs one serialized operation. */
  private Future<Void> withFormation(
      String key, Deadline deadline, BiFunction<ScalingoApi, Formation, Future<Void>> operation) {
    return serialized(
        key,
        () ->
            regions
                .of(key, deadline)
                .compose(
                    api ->
                        api.containers(key, deadline)
                            .compose(
                                containers ->
                                    operation.apply(api, ScalingoApps.formation(containers)))));
  }

  /** Scales, then waits for the operation until the deadline or the operation timeout. */
  private Future<Void> scaleAndWait(
      ScalingoApi api, String key, Map<String, Integer> amounts, Deadline deadline) {
    return api.scale(key, amounts, deadline)
        .compose(
            location ->
                location == null
                    ? Future.succeededFuture()
                    : awaitOperation(
                        api, key, location, deadline.earliest(Deadline.in(operationTimeout))));
  }

  /**
   * Polls the operation until done (success) or error (failure naming Scalingo's message); gives up
   * when the next poll would come at or past the deadline.
   */
  private Future<Void> awaitOperation(
      ScalingoApi api, String key, String location, Deadline deadline) {
    return api.operation(key, location, deadline)
        .compose(
            operation -> {
              String status = operation.getString("status", "");
              if (status.equals("done")) {
                return Future.succeededFuture();
              }
              if (status.equals("error")) {
                return Future.failedFuture(
                    new ProviderException(
                        NAME,
                        "Scalingo operation on app "
                            + key
                            + " failed: "
                            + operation.getString("error", "no reason given")));
              }
              if (deadline.left().compareTo(OPERATION_POLL) <= 0) {
                return Future.failedFuture(
                    new ProviderException(
                        NAME,
                        "Scalingo operation on app "
                            + key
                            + " still "
                            + status
                            + " at the timeout"));
              }
              Promise<Void> next = Promise.promise();
              vertx.setTimer(
                  OPERATION_POLL.toMillis(),
                  id -> awaitOperation(api, key, location, deadline).onComplete(next));
              return next.future();
            });
  }

  /** Runs one operation at a time per app, in call order; the app's state must be read again. */
  private Future<Void> serialized(String key, Supplier<Future<Void>> operation) {
    lastStatus.remove(key);
    synchronized (lastOperation) {
      Future<?> previous = lastOperation.getOrDefault(key, Future.succeededFuture());
      Future<Void> next =
          previous.transform(ignored -> operation.get()).andThen(done -> lastStatus.remove(key));
      lastOperation.put(key, next);
      return next;
    }
  }

  @Override
  public Future<Void> close() {
    return client.close();
  }
}
