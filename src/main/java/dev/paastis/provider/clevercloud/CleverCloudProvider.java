package dev.paastis.provider.clevercloud;

import dev.paastis.app.AppState;
import dev.paastis.app.Formation;
import dev.paastis.app.ProviderApp;
import dev.paastis.app.Rule;
import dev.paastis.config.PaastisConfig;
import dev.paastis.config.ProviderSection;
import dev.paastis.config.Secret;
import dev.paastis.provider.AnswerOrigin;
import dev.paastis.provider.Deadline;
import dev.paastis.provider.HostAliases;
import dev.paastis.provider.Provider;
import dev.paastis.provider.ProviderException;
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
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Clever Cloud apps of the personal space and every organisation the credentials can see (narrowed
 * by PROVIDER_CLEVER_ORGANISATIONS and, by zone, PROVIDER_REGION). App key = app id ({@code
 * app_<uuid>}), reachable with the Host label {@code app-<uuid>} too; upstream = the app's best
 * vhost over https. Start is a redeploy (slow), stop an undeploy.
 */
public final class CleverCloudProvider implements Provider, StartupCheck, HostAliases, RouterPages {

  static final String NAME = "clever-cloud";

  private static final Rule DASHED_ID =
      Rule.matching("^app-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$")
          .withAppName("app_$1");

  private final HttpClient client;
  private final CleverApi api;
  private final Duration operationTimeout;
  private final Set<String> zones;
  private final Set<String> organisations;
  private final String upstreamScheme;
  private final Map<String, String> ownerOf = new ConcurrentHashMap<>();
  private final Readings<Reading> readings;

  /**
   * The running state read for an app (instances and last deployment), with the app's own {@code
   * state} field at that time.
   */
  private record Reading(AppState state, String cleverState) {}

  /**
   * How the Clever Cloud provider reads its variables, for {@link dev.paastis.config.ConfigLoader}.
   */
  public static ProviderSection section() {
    return new ProviderSection(
        NAME, CleverConfig::hasCredentials, CleverConfig::read, CleverConfig::ownApp);
  }

  /** The Clever Cloud provider the configuration describes, on the given clock. */
  public static CleverCloudProvider create(Vertx vertx, PaastisConfig config, Clock clock) {
    return new CleverCloudProvider(
        vertx,
        (CleverConfig) config.providers().settings(NAME),
        config.providers().regions(),
        config.scheduler().reconcileInterval(),
        clock,
        "https");
  }

  /** {@code upstreamScheme} is https in production; tests run plain-HTTP upstreams. */
  CleverCloudProvider(
      Vertx vertx,
      CleverConfig config,
      List<String> zones,
      Duration reconcileInterval,
      Clock clock,
      String upstreamScheme) {
    // a status is always read anew (a wake waits on it): readings serve listings only
    this.readings = new Readings<>(clock, Duration.ZERO, reconcileInterval);
    this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true));
    OAuthSigner signer =
        OAuthSigner.create(
            config.signatureMethod().equals("HMAC-SHA512")
                ? OAuthSigner.Method.HMAC_SHA512
                : OAuthSigner.Method.PLAINTEXT,
            required(config.consumerKey()),
            required(config.consumerSecret()),
            required(config.token()),
            required(config.secret()));
    this.api =
        new CleverApi(
            new HttpApi(vertx, client, NAME, RetryPolicy.standard()), config.apiHost(), signer);
    this.operationTimeout = config.operationTimeout();
    this.zones = Set.copyOf(zones);
    this.organisations = Set.copyOf(config.organisations());
    this.upstreamScheme = upstreamScheme;
  }

  private static String required(Optional<Secret> secret) {
    return secret
        .orElseThrow(() -> new IllegalArgumentException("a Clever Cloud OAuth secret is not set"))
        .value();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Duration operationTimeout() {
    return operationTimeout;
  }

  @Override
  public List<Rule> hostRules() {
    return List.of(DASHED_ID);
  }

  /**
   * Sōzu answers 404 for a host it has no frontend for, which may be a stopped app's; the app may
   * answer 404 too. See the package's documentation.
   */
  @Override
  public AnswerOrigin originOf(int status, MultiMap headers) {
    if (status == 404) {
      return AnswerOrigin.UNCERTAIN;
    }
    return RouterPages.GATEWAY_ERRORS.originOf(status, headers);
  }

  @Override
  public Future<Void> verify() {
    return api.summary(Deadline.none()).mapEmpty();
  }

  @Override
  public Future<List<ProviderApp>> list() {
    return list(Deadline.none());
  }

  private Future<List<ProviderApp>> list(Deadline deadline) {
    return owners(deadline)
        .compose(
            owners ->
                Future.all(owners.stream().map(owner -> appsOf(owner, deadline)).toList())
                    .map(
                        all -> {
                          List<ProviderApp> apps = new ArrayList<>();
                          for (int i = 0; i < all.size(); i++) {
                            apps.addAll(all.<List<ProviderApp>>resultAt(i));
                          }
                          return apps;
                        }));
  }

  /** The personal space and the organisations, narrowed by PROVIDER_CLEVER_ORGANISATIONS. */
  private Future<List<String>> owners(Deadline deadline) {
    return api.summary(deadline)
        .map(
            summary -> {
              Set<String> owners = new LinkedHashSet<>();
              JsonObject user = summary.getJsonObject("user", new JsonObject());
              if (user.getString("id") != null) {
                owners.add(user.getString("id"));
              }
              summary
                  .getJsonArray("organisations", new JsonArray())
                  .forEach(org -> owners.add(((JsonObject) org).getString("id")));
              if (!organisations.isEmpty()) {
                owners.retainAll(organisations);
              }
              return List.copyOf(owners);
            });
  }

  private Future<List<ProviderApp>> appsOf(String owner, Deadline deadline) {
    return api.applications(owner, deadline)
        .compose(
            apps -> {
              List<Future<ProviderApp>> described = new ArrayList<>();
              for (Object entry : apps) {
                JsonObject app = (JsonObject) entry;
                if (!zones.isEmpty() && !zones.contains(app.getString("zone"))) {
                  continue;
                }
                ownerOf.put(app.getString("id"), owner);
                described.add(listed(owner, app, deadline));
              }
              return Future.all(described).map(all -> all.<ProviderApp>list());
            });
  }

  /**
   * An app of a listing. A running app whose {@code state} field has not changed since it was read
   * keeps that reading until RECONCILE_INTERVAL has passed, so that a listing costs two calls per
   * app only for the apps that changed (or are due), not for every running app at every tick.
   */
  private Future<ProviderApp> listed(String owner, JsonObject app, Deadline deadline) {
    Optional<Reading> unchanged =
        readings
            .unreconciled(app.getString("id"))
            .filter(last -> last.state() == AppState.RUNNING)
            .filter(last -> last.cleverState().equals(app.getString("state", "")));
    return unchanged.isPresent()
        ? Future.succeededFuture(describe(app, unchanged.get().state()))
        : withState(owner, app, deadline);
  }

  @Override
  public Future<ProviderApp> status(String key, Deadline deadline) {
    return ownerFor(key, deadline)
        .compose(
            owner ->
                api.application(owner, key, deadline)
                    .compose(app -> withState(owner, app, deadline)));
  }

  /**
   * An app's state: stopped and blocked apps need no more calls; others need instances and the last
   * deployment.
   */
  private Future<ProviderApp> withState(String owner, JsonObject app, Deadline deadline) {
    String state = app.getString("state", "");
    if (state.equals("SHOULD_BE_DOWN") || CleverStatus.isBlocked(app)) {
      return Future.succeededFuture(describe(app, CleverStatus.of(app, null, null)));
    }
    String id = app.getString("id");
    return Future.all(api.instances(owner, id, deadline), api.lastDeployment(owner, id, deadline))
        .map(
            both -> {
              JsonArray instances = both.resultAt(0);
              JsonArray deployments = both.resultAt(1);
              AppState current = CleverStatus.of(app, deployments, instances);
              readings.put(id, new Reading(current, state));
              return describe(app, current);
            });
  }

  @Override
  public Future<Void> start(String key, Formation formation, Deadline deadline) {
    return ownerFor(key, deadline)
        .compose(
            owner ->
                api.application(owner, key, deadline)
                    .compose(
                        app ->
                            CleverStatus.isBlocked(app)
                                ? Future.failedFuture(
                                    new ProviderException(
                                        NAME,
                                        "app "
                                            + key
                                            + " cannot be started: Clever Cloud marks it "
                                            + app.getString("state")))
                                : api.deploy(owner, key, deadline)))
        .onComplete(done -> readings.remove(key));
  }

  @Override
  public Future<Void> stop(String key) {
    return ownerFor(key, Deadline.none())
        .compose(owner -> api.undeploy(owner, key))
        .onComplete(done -> readings.remove(key));
  }

  private Future<String> ownerFor(String key, Deadline deadline) {
    String owner = ownerOf.get(key);
    if (owner != null) {
      return Future.succeededFuture(owner);
    }
    return list(deadline)
        .compose(
            listed -> {
              String found = ownerOf.get(key);
              return found != null
                  ? Future.succeededFuture(found)
                  : Future.failedFuture(new UnknownAppException(NAME, key));
            });
  }

  private ProviderApp describe(JsonObject app, AppState state) {
    String id = app.getString("id");
    int instances = state == AppState.RUNNING ? 1 : 0;
    return new ProviderApp(
        id,
        app.getString("name", id),
        NAME,
        state,
        CleverVhosts.best(app).map(fqdn -> URI.create(upstreamScheme + "://" + fqdn)),
        Optional.ofNullable(app.getString("zone")),
        Formation.of(Map.of("web", instances)));
  }

  @Override
  public Future<Void> close() {
    return client.close();
  }
}
