package dev.paastis.provider.heroku;

import dev.paastis.app.AppState;
import dev.paastis.app.Formation;
import dev.paastis.app.ProviderApp;
import dev.paastis.config.PaastisConfig;
import dev.paastis.config.ProviderSection;
import dev.paastis.provider.AnswerOrigin;
import dev.paastis.provider.CallBudget;
import dev.paastis.provider.Deadline;
import dev.paastis.provider.FewAtATime;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Heroku apps through the Platform API. App key = app name; upstream = its {@code web_url} as
 * returned; state from formation and dynos ({@link HerokuStates}).
 *
 * <p>API budget: a listing costs one call per page of 1000 apps. The state of an app is learned
 * (formation + dynos) when it is first listed, when Paastis asks for it, and again at most every
 * RECONCILE_INTERVAL, a few apps per listing, so that a large account stays well within Heroku's
 * rate limit; a listing reads apps a few at a time, and only while the account has tokens to spare.
 * Stop and start are one batch PATCH each.
 */
public final class HerokuProvider implements Provider, StartupCheck, RouterPages, CallBudget {

  static final String NAME = "heroku";

  private static final Logger LOG = LoggerFactory.getLogger(HerokuProvider.class);

  /** How many known apps a listing may re-read, oldest first, once their reconcile is due. */
  static final int REFRESH_PER_LISTING = 4;

  /** Below this many rate-limit tokens left, listings stop reading apps: wakes need them. */
  static final int LOW_REMAINING = 200;

  /**
   * How many apps a listing reads at once: fewer than the client's pooled connections (5), so that
   * none waits for a connection past its timeout and a wake still finds one.
   */
  static final int LEARN_AT_ONCE = 4;

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

  /**
   * Each app of the last listing as the listing describes it (name, upstream, region; state
   * UNKNOWN), not its whole JSON: a large account's listing is kept for every app.
   */
  private final Map<String, ProviderApp> listed = new ConcurrentHashMap<>();

  /** How the Heroku provider reads its variables, for {@link dev.paastis.config.ConfigLoader}. */
  public static ProviderSection section() {
    return new ProviderSection(
        NAME,
        variables -> variables.isSet(HerokuConfig.TOKEN),
        HerokuConfig::read,
        HerokuConfig::ownApp);
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
              Map<String, ProviderApp> inRegions = new LinkedHashMap<>();
              apps.stream()
                  .filter(this::inRegions)
                  .map(HerokuProvider::describe)
                  .forEach(app -> inRegions.put(app.key(), app));
              listed.keySet().retainAll(inRegions.keySet());
              listed.putAll(inRegions);
              known.retain(inRegions.keySet());
              return learnWithinBudget(inRegions.keySet()).map(ignored -> describeAll(inRegions));
            });
  }

  /**
   * Reads the apps never learned, then the few whose reconcile is the most overdue, {@link
   * #LEARN_AT_ONCE} at a time, while the account keeps more than {@link #LOW_REMAINING} rate-limit
   * tokens: wakes keep theirs, and a large account is learned over several listings (the apps not
   * read yet are listed UNKNOWN, and asked for when a request comes).
   */
  private Future<Integer> learnWithinBudget(Set<String> names) {
    List<String> toLearn = new ArrayList<>();
    names.stream().filter(name -> !known.contains(name)).forEach(toLearn::add);
    int unknown = toLearn.size();
    toLearn.addAll(known.overdue(REFRESH_PER_LISTING));
    return FewAtATime.forEach(
            toLearn, LEARN_AT_ONCE, this::hasCallsToSpare, name -> learn(name, Deadline.none()))
        .onSuccess(
            learned -> {
              if (learned < unknown) {
                LOG.info(
                    "{} Heroku apps not read yet: {} rate-limit tokens left, they are read at the"
                        + " next listings",
                    unknown - learned,
                    api.remaining());
              }
            });
  }

  /** While the account keeps {@link #LOW_REMAINING} rate-limit tokens, for the wakes. */
  @Override
  public boolean hasCallsToSpare() {
    Integer remaining = api.remaining();
    return remaining == null || remaining >= LOW_REMAINING;
  }

  private List<ProviderApp> describeAll(Map<String, ProviderApp> apps) {
    return apps.values().stream()
        .map(app -> known.last(app.key()).orElse(app))
        .collect(Collectors.toList());
  }

  @Override
  public Future<ProviderApp> status(String key, Deadline deadline) {
    return known.fresh(key).map(Future::succeededFuture).orElseGet(() -> learn(key, deadline));
  }

  private Future<ProviderApp> learn(String name, Deadline deadline) {
    ProviderApp app = listed.get(name);
    Future<ProviderApp> described =
        app != null
            ? Future.succeededFuture(app)
            : api.app(name, deadline).map(HerokuProvider::describe);
    return described.compose(
        listing ->
            api.formation(name, deadline)
                .compose(
                    formationJson -> {
                      Formation formation = HerokuStates.formation(formationJson);
                      if (formation.total() == 0) {
                        return Future.succeededFuture(
                            remember(read(listing, AppState.STOPPED, formation)));
                      }
                      return api.dynos(name, deadline)
                          .map(
                              dynos ->
                                  remember(
                                      read(
                                          listing,
                                          HerokuStates.state(formation, dynos),
                                          formation)));
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
                                  app ->
                                      remember(
                                          read(
                                              app,
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

  /** An app as the app list describes it: no state nor formation yet. */
  private static ProviderApp describe(JsonObject app) {
    String name = app.getString("name");
    String webUrl = app.getString("web_url");
    JsonObject region = app.getJsonObject("region");
    return new ProviderApp(
        name,
        name,
        NAME,
        AppState.UNKNOWN,
        Optional.ofNullable(webUrl).map(URI::create),
        Optional.ofNullable(region).map(r -> r.getString("name")),
        Formation.EMPTY);
  }

  /** A listed app with the state and formation just read. */
  private static ProviderApp read(ProviderApp listed, AppState state, Formation formation) {
    return new ProviderApp(
        listed.key(),
        listed.displayName(),
        NAME,
        state,
        listed.upstream(),
        listed.region(),
        formation);
  }

  @Override
  public Future<Void> close() {
    return client.close();
  }
}
