package dev.paastis.provider.heroku;

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
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Heroku apps through the Platform API. App key = app name; upstream = its {@code web_url} as
 * returned; state from formation and dynos ({@link HerokuStates}).
 *
 * <p>API budget: a listing costs one call per page. The state of an app is learned (formation +
 * dynos) when it is first listed, when Paastis asks for it, and again at most every
 * RECONCILE_INTERVAL, a few apps per listing, so that a large account stays well within Heroku's
 * rate limit. Stop and start are one batch PATCH each.
 */
public final class HerokuProvider implements Provider, StartupCheck, RouterPages {

  static final String NAME = "heroku";

  /** How many known apps a listing may re-read, oldest first, once their reconcile is due. */
  static final int REFRESH_PER_LISTING = 4;

  /** Below this many rate-limit tokens left, listings stop re-reading known apps. */
  static final int LOW_REMAINING = 200;

  /** A state read this recently is reused instead of asking again (readiness polls fast). */
  static final Duration FRESH = Duration.ofSeconds(1);

  /** A formation learned this recently is trusted to name the app's process types. */
  private static final Duration RECENT = Duration.ofMinutes(1);

  private final HerokuApi api;
  private final HttpClient client;
  private final Duration operationTimeout;
  private final Set<String> regions;

  /** What was last learned of each app (formation and dynos), and when. */
  private final Readings<ProviderApp> known;

  private final Map<String, JsonObject> listed = new ConcurrentHashMap<>();

  /** How the Heroku provider reads its variables, for {@link dev.paastis.config.ConfigLoader}. */
  public static ProviderSection section() {
    return new ProviderSection(
        NAME, variables -> variables.isSet(HerokuConfig.TOKEN), HerokuConfig::read);
  }

  /** The Heroku provider the configuration describes, on the given clock. */
  public static HerokuProvider create(Vertx vertx, PaastisConfig config, Clock clock) {
    return new HerokuProvider(
        vertx,
        (HerokuConfig) config.providers().settings(NAME),
        config.providers().regions(),
        config.scheduler().reconcileInterval(),
        clock);
  }

  HerokuProvider(
      Vertx vertx,
      HerokuConfig config,
      List<String> regions,
      Duration reconcileInterval,
      Clock clock) {
    this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true));
    String token =
        config
            .apiToken()
            .orElseThrow(() -> new IllegalArgumentException("PROVIDER_HEROKU_API_TOKEN is not set"))
            .value();
    this.api =
        new HerokuApi(
            new HttpApi(vertx, client, NAME, RetryPolicy.standard()), config.apiUrl(), token);
    this.operationTimeout = config.operationTimeout();
    this.regions = Set.copyOf(regions);
    this.known = new Readings<>(clock, FRESH, reconcileInterval);
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
  public Future<Void> verify() {
    return api.verifyToken();
  }

  /** The router's pages are 503s (502 for a blank app): see the package's documentation. */
  @Override
  public AnswerOrigin originOf(int status, MultiMap headers) {
    return RouterPages.GATEWAY_ERRORS.originOf(status, headers);
  }

  @Override
  public Future<List<ProviderApp>> list() {
    return api.apps()
        .compose(
            apps -> {
              Map<String, JsonObject> inRegions = new LinkedHashMap<>();
              apps.stream()
                  .filter(this::inRegions)
                  .forEach(app -> inRegions.put(app.getString("name"), app));
              listed.keySet().retainAll(inRegions.keySet());
              listed.putAll(inRegions);
              known.retain(inRegions.keySet());
              return Future.join(
                      toLearn(inRegions.keySet()).stream()
                          .map(name -> learn(name, Deadline.none()))
                          .toList())
                  .transform(ignored -> Future.succeededFuture(describeAll(inRegions)));
            });
  }

  /**
   * Apps never learned, plus the few whose reconcile is the most overdue, unless the account is low
   * on rate-limit tokens: then reconciles wait, so that wakes still get their calls.
   */
  private List<String> toLearn(Set<String> names) {
    List<String> unknown = names.stream().filter(name -> !known.contains(name)).toList();
    Integer remaining = api.remaining();
    if (remaining != null && remaining < LOW_REMAINING) {
      return unknown;
    }
    List<String> all = new ArrayList<>(unknown);
    all.addAll(known.overdue(REFRESH_PER_LISTING));
    return all;
  }

  private List<ProviderApp> describeAll(Map<String, JsonObject> apps) {
    return apps.values().stream()
        .map(
            app ->
                known
                    .last(app.getString("name"))
                    .orElseGet(() -> describe(app, AppState.UNKNOWN, Formation.EMPTY)))
        .collect(Collectors.toList());
  }

  @Override
  public Future<ProviderApp> status(String key, Deadline deadline) {
    return known.fresh(key).map(Future::succeededFuture).orElseGet(() -> learn(key, deadline));
  }

  private Future<ProviderApp> learn(String name, Deadline deadline) {
    JsonObject app = listed.get(name);
    Future<JsonObject> appJson =
        app != null ? Future.succeededFuture(app) : api.app(name, deadline);
    return appJson.compose(
        json ->
            api.formation(name, deadline)
                .compose(
                    formationJson -> {
                      Formation formation = HerokuStates.formation(formationJson);
                      if (formation.total() == 0) {
                        return Future.succeededFuture(
                            remember(describe(json, AppState.STOPPED, formation)));
                      }
                      return api.dynos(name, deadline)
                          .map(
                              dynos ->
                                  remember(
                                      describe(
                                          json, HerokuStates.state(formation, dynos), formation)));
                    }));
  }

  private ProviderApp remember(ProviderApp app) {
    return known.put(app.key(), app);
  }

  @Override
  public Future<Void> start(String key, Formation wanted, Deadline deadline) {
    return processTypes(key, deadline)
        .compose(
            types -> {
              if (types.isEmpty()) {
                return Future.failedFuture(
                    new ProviderException(
                        NAME,
                        "app "
                            + key
                            + " has no process types on Heroku: deploy it (with a Procfile)"
                            + " before Paastis can start it"));
              }
              known.remove(key);
              return api.scale(key, wanted.restoreOnto(types), deadline).mapEmpty();
            });
  }

  @Override
  public Future<Void> stop(String key) {
    return processTypes(key, Deadline.none())
        .compose(
            types -> {
              if (types.isEmpty()
                  || recent(key).filter(app -> app.formation().total() == 0).isPresent()) {
                return Future.succeededFuture();
              }
              Map<String, Integer> zero = new LinkedHashMap<>();
              types.forEach(type -> zero.put(type, 0));
              return api.scale(key, zero, Deadline.none())
                  .onSuccess(
                      formation ->
                          Optional.ofNullable(listed.get(key))
                              .ifPresent(
                                  json ->
                                      remember(
                                          describe(
                                              json,
                                              AppState.STOPPED,
                                              HerokuStates.formation(formation)))))
                  .mapEmpty();
            });
  }

  /** The process types of the app, from what was just learned when possible. */
  private Future<List<String>> processTypes(String key, Deadline deadline) {
    Optional<ProviderApp> learned = recent(key).filter(app -> !app.formation().isEmpty());
    if (learned.isPresent()) {
      return Future.succeededFuture(List.copyOf(learned.get().formation().quantities().keySet()));
    }
    return api.formation(key, deadline)
        .map(formation -> List.copyOf(HerokuStates.formation(formation).quantities().keySet()));
  }

  /** What was learned of the app in the last minute: enough to know its process types. */
  private Optional<ProviderApp> recent(String key) {
    return known.within(key, RECENT);
  }

  private boolean inRegions(JsonObject app) {
    if (regions.isEmpty()) {
      return true;
    }
    JsonObject region = app.getJsonObject("region");
    return region != null && regions.contains(region.getString("name"));
  }

  private static ProviderApp describe(JsonObject app, AppState state, Formation formation) {
    String name = app.getString("name");
    String webUrl = app.getString("web_url");
    JsonObject region = app.getJsonObject("region");
    return new ProviderApp(
        name,
        name,
        NAME,
        state,
        Optional.ofNullable(webUrl).map(URI::create),
        Optional.ofNullable(region).map(r -> r.getString("name")),
        formation);
  }

  @Override
  public Future<Void> close() {
    return client.close();
  }
}
