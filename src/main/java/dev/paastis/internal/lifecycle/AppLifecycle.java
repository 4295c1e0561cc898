package dev.paastis.internal.lifecycle;

import dev.paastis.app.AppSettings;
import dev.paastis.app.AppState;
import dev.paastis.app.ProviderApp;
import dev.paastis.events.Event;
import dev.paastis.events.EventType;
import dev.paastis.internal.registry.AppTracker;
import dev.paastis.policy.IgnoredReason;
import dev.paastis.registry.ManagedApp;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wake and sleep, assembled: one {@link AppCatalog} (the read model of app state, its one owner), a
 * {@link Waker}, a {@link Stopper}, and the {@link AppTracker} that alone writes tracked apps. The
 * proxy sees only the {@link AppGate}; admin and the scheduler take the part they need.
 */
public final class AppLifecycle implements AppGate {

  private static final Logger LOG = LoggerFactory.getLogger(AppLifecycle.class);

  private final LifecycleContext context;
  private final AppCatalog catalog = new AppCatalog();
  private final Leases leases;
  private final Waker waker;
  private final Stopper stopper;
  private final Pins pins;
  private final StopVetoes vetoes = new StopVetoes();
  private final PeerWaits peerWaits = new PeerWaits();

  /** How often the apps in use are touched. */
  static final Duration IN_USE_TOUCH = Duration.ofSeconds(10);

  /** Guarded by {@code this}. */
  private long inUseTimer = -1;

  public AppLifecycle(LifecycleContext context) {
    this.context = context;
    DeadlineTimer timer = new DeadlineTimer(context.vertx());
    AppLookup lookup = new AppLookup(context.providers(), catalog, timer, context.clock());
    this.leases = new Leases(catalog, context.tracker(), context.ignored(), context.clock());
    this.waker = new Waker(context, catalog, lookup, leases, timer, peerWaits);
    this.stopper = new Stopper(context, catalog);
    this.pins = new Pins(context, waker);
  }

  /** The read model of app state, for admin, the scheduler and the apps gauge. */
  public AppCatalog catalog() {
    return catalog;
  }

  public Waker waker() {
    return waker;
  }

  public Stopper stopper() {
    return stopper;
  }

  public Pins pins() {
    return pins;
  }

  /** The boots this instance saw, by app: what a pre-warm's default lead is learned from. */
  public BootTimes bootTimes() {
    return context.readiness().bootTimes();
  }

  /** The idle stops that busy apps postponed, decided by the scheduler, shown by admin. */
  public StopVetoes vetoes() {
    return vetoes;
  }

  @Override
  public Optional<Lease> tryLease(String key, boolean activity) {
    return leases.tryLease(key, activity);
  }

  @Override
  public Future<Boolean> isPinned(String key) {
    Instant now = context.clock().instant();
    return context
        .registry()
        .get(key)
        .map(entry -> entry.map(app -> app.isPinnedAt(now)).orElse(false));
  }

  @Override
  public Clock clock() {
    return context.clock();
  }

  @Override
  public void requestIgnored(IgnoredReason reason) {
    context.metrics().requestIgnored(reason);
  }

  @Override
  public Future<Lease> wakeAndLease(AppSettings settings) {
    return waker.wakeAndLease(settings);
  }

  @Override
  public Future<ProviderApp> find(AppSettings settings) {
    return waker.find(settings);
  }

  @Override
  public int inFlight() {
    return catalog.inFlight();
  }

  @Override
  public boolean countsRequests() {
    return context.metrics().countsRequests();
  }

  @Override
  public void requestServed(String name, int status, long durationNanos) {
    String app = catalog.knows(name) ? name : Metrics.UNKNOWN_APP;
    context.metrics().requestServed(app, status, durationNanos);
  }

  /**
   * An event of another instance sharing the registry: the app it started or stopped changes state
   * here too, and the wakes waiting for it to start it learn how it went.
   */
  public void happenedElsewhere(Event event) {
    switch (event.type()) {
      case APP_STARTED -> {
        catalog.changedElsewhere(event.app(), AppState.RUNNING);
        peerWaits.started(event.app());
      }
      case APP_STOPPED -> catalog.changedElsewhere(event.app(), AppState.STOPPED);
      case APP_START_FAILED ->
          peerWaits.failed(event.app(), String.valueOf(event.details().get("reason")));
      default -> {
        // other events change no state
      }
    }
  }

  /**
   * Starts (or stops) running {@link #keepInUseAwake()} every {@link #IN_USE_TOUCH}: well within
   * the shortest sensible idle time, so that a long request keeps its app awake.
   */
  public synchronized void keepInUseAwake(boolean on) {
    if (inUseTimer >= 0) {
      context.vertx().cancelTimer(inUseTimer);
      inUseTimer = -1;
    }
    if (on) {
      inUseTimer = context.vertx().setPeriodic(IN_USE_TOUCH.toMillis(), id -> keepInUseAwake());
    }
  }

  /**
   * Moves the last access of every app with a request or WebSocket in flight through this instance
   * to now, so that a long download or a WebSocket keeps its app awake, whichever instance decides
   * on idleness.
   */
  public void keepInUseAwake() {
    Instant now = context.clock().instant();
    for (String key : catalog.inUse()) {
      context
          .tracker()
          .touch(key, now)
          .onFailure(failure -> LOG.debug("app {} in use not touched: {}", key, message(failure)));
    }
  }

  /**
   * Stops tracking every app, as the original's DELETE /apps does; the apps stay known, and running
   * ones are tracked again at the next tick.
   */
  public Future<Void> unregisterAll() {
    return context
        .registry()
        .all()
        .compose(tracked -> Future.all(tracked.stream().map(this::untrack).toList()))
        .mapEmpty();
  }

  private Future<Void> untrack(ManagedApp app) {
    catalog.reset(app.key());
    return context
        .tracker()
        .forget(app.key())
        .onSuccess(
            removed -> {
              if (removed) {
                LOG.info("app {} of {} unregistered", app.key(), app.provider());
                context.events().record(EventType.APP_UNREGISTERED, app.key(), app.provider());
              }
            })
        .mapEmpty();
  }

  static String message(Throwable failure) {
    return failure.getMessage() == null ? failure.toString() : failure.getMessage();
  }
}
