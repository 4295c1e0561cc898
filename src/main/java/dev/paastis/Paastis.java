package dev.paastis;

import dev.paastis.app.Rules;
import dev.paastis.config.ConfigException;
import dev.paastis.config.PaastisConfig;
import dev.paastis.events.Event;
import dev.paastis.events.EventStore;
import dev.paastis.internal.admin.AdminApi;
import dev.paastis.internal.admin.AdminServer;
import dev.paastis.internal.admin.SystemApi;
import dev.paastis.internal.events.EventFeed;
import dev.paastis.internal.lifecycle.AppCatalog;
import dev.paastis.internal.lifecycle.AppLifecycle;
import dev.paastis.internal.lifecycle.BootTimes;
import dev.paastis.internal.lifecycle.BusyProbe;
import dev.paastis.internal.lifecycle.EventRecorder;
import dev.paastis.internal.lifecycle.HookRunner;
import dev.paastis.internal.lifecycle.IgnoredApps;
import dev.paastis.internal.lifecycle.LifecycleContext;
import dev.paastis.internal.lifecycle.Metrics;
import dev.paastis.internal.lifecycle.ReadinessProbe;
import dev.paastis.internal.lifecycle.UpstreamCheck;
import dev.paastis.internal.metrics.MeteredEventStore;
import dev.paastis.internal.metrics.MeteredProvider;
import dev.paastis.internal.metrics.NoopMetrics;
import dev.paastis.internal.metrics.PrometheusMetrics;
import dev.paastis.internal.proxy.ProxyParts;
import dev.paastis.internal.proxy.ProxyServer;
import dev.paastis.internal.proxy.TransportChoice;
import dev.paastis.internal.registry.AppTracker;
import dev.paastis.internal.registry.Peers;
import dev.paastis.internal.scheduler.Scheduler;
import dev.paastis.internal.scheduler.Tick;
import dev.paastis.internal.scheduler.TimedTick;
import dev.paastis.provider.Provider;
import dev.paastis.provider.Providers;
import dev.paastis.registry.Registry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Paastis in a program: the composition root and library entry point. It wires every block from a
 * configuration and runs them; nothing else creates long-lived objects.
 *
 * <pre>{@code
 * PaastisConfig config = ProviderChoice.configLoader(System.getenv(), Path.of(".")).load(Map.of());
 * Paastis paastis = Paastis.builder(config).build();
 * paastis.onEvent(event -> System.out.println(event.type() + " " + event.app()));
 * int port = paastis.start().toCompletionStage().toCompletableFuture().join();
 * // ... later
 * paastis.stop();
 * }</pre>
 *
 * <p>{@link #builder} replaces any part the configuration would otherwise build: the Vert.x
 * instance, the providers, the registry, the event store, the clock.
 */
public final class Paastis {

  private static final Logger LOG = LoggerFactory.getLogger(Paastis.class);

  private final PaastisConfig config;
  private final Vertx vertx;
  private final boolean ownsVertx;
  private final Providers providers;
  private final Stores.TrackedState tracked;
  private final EventFeed feed;
  private final Registry registry;
  private final EventStore eventStore;
  private final AppLifecycle lifecycle;
  private final TimedTick tick;
  private final Scheduler scheduler;
  private final ProxyServer proxy;
  private final Optional<AdminServer> admin;
  private final HttpClient probeClient;

  /**
   * The busy probes' own client: a probe comes every few minutes at most, so each opens its own
   * connection rather than take one from the readiness probes' pool that the app may have dropped.
   */
  private final HttpClient busyClient;

  private final Optional<PrometheusMetrics> prometheus;

  /** Completed by {@link #start()}: what {@link #ready()} gives. */
  private final Promise<Void> ready = Promise.promise();

  /** Set by the first {@link #stop()}; guarded by {@code this}. */
  private Future<Void> stopped;

  /**
   * Starts building Paastis from a configuration, usually loaded with {@link
   * ProviderChoice#configLoader}.
   */
  public static Builder builder(PaastisConfig config) {
    return new Builder(config);
  }

  /** Paastis as the configuration describes it: {@code builder(config).build()}. */
  public static Paastis create(PaastisConfig config) {
    return builder(config).build();
  }

  /** Paastis with the given providers, on a Vert.x the caller owns and closes. */
  public static Paastis create(
      PaastisConfig config, Vertx vertx, Providers providers, Clock clock) {
    return builder(config).vertx(vertx).providers(providers.all()).clock(clock).build();
  }

  /**
   * Builds {@link Paastis}: each part not given is made as the configuration says. Not thread-safe;
   * build once.
   */
  public static final class Builder {

    private final PaastisConfig config;
    private Optional<Vertx> vertx = Optional.empty();
    private Optional<List<Provider>> providers = Optional.empty();
    private Optional<Registry> registry = Optional.empty();
    private Optional<EventStore> eventStore = Optional.empty();
    private Clock clock = Clock.systemDefaultZone();

    private Builder(PaastisConfig config) {
      this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * The Vert.x instance to run on, which the caller closes after {@link #stop()}. Without it,
     * Paastis creates its own, on the network transport TRANSPORT names (io_uring where the kernel
     * allows it, by default), and closes it when it stops.
     */
    public Builder vertx(Vertx vertx) {
      this.vertx = Optional.of(vertx);
      return this;
    }

    /**
     * The providers, in the order they are consulted, instead of those PROVIDER_NAME and the local
     * apps configure. Paastis closes them when it stops. Their names must differ.
     */
    public Builder providers(List<Provider> providers) {
      if (providers.isEmpty()) {
        throw new IllegalArgumentException("at least one provider is needed");
      }
      this.providers = Optional.of(List.copyOf(providers));
      return this;
    }

    /** {@link #providers(List)} with these providers. */
    public Builder providers(Provider... providers) {
      return providers(List.of(providers));
    }

    /**
     * The registry of tracked apps, instead of the one REGISTRY_TYPE names. Paastis takes it as its
     * own alone (no other instance shares it through Paastis) and closes it when it stops.
     */
    public Builder registry(Registry registry) {
      this.registry = Optional.of(registry);
      return this;
    }

    /**
     * The event store, instead of the one EVENTS_STORE_TYPE names. Paastis starts it ({@link
     * EventStore#start()}) when it starts, and closes it when it stops.
     */
    public Builder eventStore(EventStore eventStore) {
      this.eventStore = Optional.of(eventStore);
      return this;
    }

    /** The clock every block reads: idle times, schedules, events. The system's by default. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds Paastis, ready to {@link #start()}.
     *
     * @throws dev.paastis.config.ConfigException when a provider cannot be created from the
     *     configuration (a provider plugin failing, for one), or when the transport TRANSPORT names
     *     cannot load here
     */
    public Paastis build() {
      boolean ownsVertx = vertx.isEmpty();
      Vertx on = vertx.orElseGet(() -> TransportChoice.create(config.server().transport()));
      try {
        // one clock for every block, the providers' reconcile deadlines among them
        Providers chosen =
            providers.map(Providers::new).orElseGet(() -> ProviderChoice.create(on, config, clock));
        return new Paastis(this, on, ownsVertx, chosen);
      } catch (RuntimeException e) {
        if (ownsVertx) {
          on.close();
        }
        throw e;
      }
    }
  }

  private Paastis(Builder parts, Vertx vertx, boolean ownsVertx, Providers providers) {
    PaastisConfig config = parts.config;
    Clock clock = parts.clock;
    this.config = config;
    this.vertx = vertx;
    this.ownsVertx = ownsVertx;
    this.providers = providers;
    this.prometheus =
        config.admin().enabled() ? Optional.of(new PrometheusMetrics()) : Optional.empty();
    Metrics metrics = prometheus.map(PrometheusMetrics::metrics).orElse(NoopMetrics.INSTANCE);
    // the raw providers stay for the instanceof checks of optional abilities (StartupCheck...)
    Providers metered = MeteredProvider.wrap(providers, metrics);
    this.tracked =
        parts
            .registry
            .map(given -> Stores.alone(given, metrics))
            .orElseGet(() -> Stores.registry(vertx, config, metrics));
    this.registry = tracked.registry();
    this.eventStore =
        new MeteredEventStore(
            parts.eventStore.orElseGet(() -> Stores.eventStore(vertx, config, clock)), metrics);
    Rules rules = ProviderAbilities.rules(providers, config);
    IgnoredApps ignored =
        new IgnoredApps(config.registry().ignoredApps(), config.providers().ownApps());
    this.feed = new EventFeed();
    Peers peers = tracked.peers();
    EventRecorder events = new EventRecorder(eventStore, feed, clock, peers);
    this.probeClient = vertx.createHttpClient(UpstreamCheck.clientOptions());
    this.busyClient = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false));
    AppTracker tracker = tracked.tracker();
    // the boots the readiness probe learns are the wake durations pre-warming leads by
    BootTimes boots = new BootTimes();
    this.lifecycle =
        new AppLifecycle(
            new LifecycleContext(
                vertx,
                metered,
                registry,
                tracker,
                peers,
                events,
                new HookRunner(vertx, config.hooks()),
                new ReadinessProbe(
                    vertx,
                    new UpstreamCheck(probeClient),
                    boots,
                    ProviderAbilities.routerPages(providers)),
                rules,
                ignored,
                clock,
                metrics));
    AppCatalog catalog = lifecycle.catalog();
    metrics.watchAppStates(catalog::countByState);
    Tick listAndDecide =
        new Tick(
            new Tick.Collaborators(
                metered,
                catalog,
                tracker,
                lifecycle.stopper(),
                lifecycle.waker(),
                new BusyProbe(vertx, busyClient),
                lifecycle.vetoes(),
                boots,
                events,
                rules,
                ignored,
                clock,
                peers));
    this.tick = new TimedTick(listAndDecide::run, metrics);
    NewsOfPeers.wire(peers, eventStore, feed, lifecycle);
    this.scheduler = new Scheduler(vertx, config.scheduler().cron(), clock, tick);
    this.proxy =
        new ProxyServer(
            vertx,
            new ProxyParts(
                lifecycle,
                rules,
                config.routing().wakeStrategy(),
                new SystemApi(config.routing(), catalog, registry, eventStore, lifecycle),
                config.server().timeouts()),
            2 * Runtime.getRuntime().availableProcessors());
    // metrics are on exactly when the admin listener is: it is what serves them
    this.admin =
        prometheus.map(
            metricsOn ->
                new AdminServer(
                    vertx,
                    config.admin(),
                    new AdminApi(
                        vertx,
                        new AdminApi.Sources(
                            metered,
                            registry,
                            eventStore,
                            feed,
                            lifecycle,
                            rules,
                            clock,
                            config.events().retention(),
                            // an app's cost per hour awake: its rules' cost_per_hour
                            key -> rules.forProviderApp(key).policy().costPerHour())),
                    metricsOn.registry()));
  }

  /**
   * Checks the providers' credentials, listens on the configured host and port, runs a first tick,
   * then follows the cron. Fails with a {@link ConfigException} when a provider rejects its
   * credentials.
   */
  public Future<Integer> start() {
    return eventStore
        .start()
        .compose(migrated -> ProviderAbilities.verifyCredentials(providers))
        .compose(verified -> proxy.listen(config.server().host(), config.server().port()))
        .onSuccess(
            port -> {
              LOG.info(
                  "Paastis listening on {}:{} with providers {} ({} transport)",
                  config.server().host(),
                  port,
                  providers.names(),
                  TransportChoice.describe(vertx));
            })
        .compose(port -> listenAdmin().map(port))
        // the first tick (discovery) is part of starting: once start() completes, Paastis knows
        // the providers' apps and the cron takes over
        .compose(port -> tracked.peers().start().map(port))
        .compose(port -> tick.get().andThen(done -> startScheduler()).map(port))
        .andThen(
            started -> {
              if (started.succeeded()) {
                ready.tryComplete();
              } else {
                ready.tryFail(started.cause());
              }
            });
  }

  /**
   * Completes when {@link #start()} has: Paastis listens and knows the providers' apps. Fails as
   * {@code start()} does.
   */
  public Future<Void> ready() {
    return ready.future();
  }

  /** Not when a stop came during the first tick: the scheduler stays stopped. */
  private synchronized void startScheduler() {
    if (stopped == null) {
      scheduler.start();
      lifecycle.keepInUseAwake(true);
    }
  }

  private Future<Void> listenAdmin() {
    return admin
        .map(listener -> listener.listen().<Void>mapEmpty())
        .orElse(Future.succeededFuture());
  }

  /**
   * Stops gracefully, as on TERM: the scheduler stops first (no idle stop nor discovery while
   * stopping); the proxy drains for up to SHUTDOWN_GRACE ({@link ProxyServer#drain}) while the
   * admin listener closes (its event streams end at once); then the providers are closed (the
   * {@code local} apps' processes are stopped), and the stores. Idempotent: every call returns the
   * same future, which never fails.
   */
  public synchronized Future<Void> stop() {
    if (stopped != null) {
      return stopped;
    }
    scheduler.stop();
    lifecycle.keepInUseAwake(false);
    Duration grace = config.server().shutdownGrace();
    Future<Void> adminClosed =
        admin.map(listener -> listener.shutdown(grace)).orElse(Future.succeededFuture());
    Future<Void> closed =
        proxy
            .drain(grace)
            .<Void>mapEmpty()
            .eventually(() -> adminClosed)
            .eventually(providers::closeAll)
            .eventually(tracked.close())
            .eventually(eventStore::close)
            .eventually(probeClient::close)
            .eventually(busyClient::close)
            .eventually(this::closeMetrics)
            .transform(ignored -> Future.<Void>succeededFuture())
            .andThen(done -> LOG.info("Paastis stopped"));
    stopped = ownsVertx ? closed.eventually(vertx::close) : closed;
    return stopped;
  }

  private Future<Void> closeMetrics() {
    prometheus.ifPresent(PrometheusMetrics::close);
    return Future.succeededFuture();
  }

  /** The proxy's port, once started: the one PORT names, or the one chosen for PORT=0. */
  public int port() {
    return proxy.actualPort();
  }

  /** The port of the admin listener; fails when ADMIN_ENABLED is off. */
  public int adminPort() {
    return admin
        .orElseThrow(() -> new IllegalStateException("the admin listener is off (ADMIN_ENABLED)"))
        .actualPort();
  }

  /** The configuration it was built with. */
  public PaastisConfig config() {
    return config;
  }

  /** The registry of tracked apps, metered: the one given to the builder, or REGISTRY_TYPE's. */
  public Registry registry() {
    return registry;
  }

  /**
   * The event history, metered: the store given to the builder, or EVENTS_STORE_TYPE's. Query it
   * for past events; {@link #onEvent} follows them as they happen.
   */
  public EventStore events() {
    return eventStore;
  }

  /**
   * Calls {@code listener} (on a Vert.x thread; it must not block) with every event as it happens,
   * those of the other instances included; returns what ends the subscription.
   */
  public Runnable onEvent(Consumer<Event> listener) {
    return feed.subscribe(listener);
  }

  /**
   * The wake and sleep machinery, for Paastis's own tests.
   *
   * @hidden
   */
  public AppLifecycle lifecycle() {
    return lifecycle;
  }

  /** The registry that {@code GET /metrics} scrapes: present when the admin listener is enabled. */
  public Optional<PrometheusMeterRegistry> prometheusRegistry() {
    return prometheus.map(PrometheusMetrics::registry);
  }

  /** Runs one scheduler tick now (discovery and idle sweep), as the cron would. */
  public Future<Void> tick() {
    return tick.get();
  }
}
