package dev.paastis.lifecycle;

import dev.paastis.app.AppSettings;
import dev.paastis.app.AppState;
import dev.paastis.app.Formation;
import dev.paastis.app.ProviderApp;
import dev.paastis.app.Rules;
import dev.paastis.events.EventType;
import dev.paastis.provider.Provider;
import dev.paastis.provider.ProviderException;
import dev.paastis.provider.Providers;
import dev.paastis.provider.UnknownAppException;
import dev.paastis.registry.ManagedApp;
import dev.paastis.registry.Registry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wakes and puts apps to sleep: one start per app at a time whatever the number of waiting
 * requests, linked apps woken together, readiness, hooks, formation saved at stop and restored at
 * start, events. Never stops an app while a request or WebSocket holds a {@link Lease} on it.
 *
 * <p>Futures complete on Vert.x threads. Failures are the domain exceptions of this package ({@link
 * AppNotFoundException}, {@link WakeTimeoutException}, {@link StartFailedException}, {@link
 * NotProxiableException}) or {@link ProviderException}.
 */
public final class AppLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(AppLifecycle.class);
  private static final long TOUCH_INTERVAL_MS = 1_000;
  private static final int LEASE_ATTEMPTS = 3;

  private final Providers providers;
  private final AppCatalog catalog;
  private final Registry registry;
  private final EventRecorder events;
  private final HookRunner hooks;
  private final ReadinessProbe readiness;
  private final Rules rules;
  private final IgnoredApps ignored;
  private final Clock clock;
  private final Metrics metrics;
  private final Map<String, AppRuntime> runtimes = new ConcurrentHashMap<>();

  public AppLifecycle(
      Providers providers,
      AppCatalog catalog,
      Registry registry,
      EventRecorder events,
      HookRunner hooks,
      ReadinessProbe readiness,
      Rules rules,
      IgnoredApps ignored,
      Clock clock,
      Metrics metrics) {
    this.providers = providers;
    this.catalog = catalog;
    this.registry = registry;
    this.events = events;
    this.hooks = hooks;
    this.readiness = readiness;
    this.rules = rules;
    this.ignored = ignored;
    this.clock = clock;
    this.metrics = metrics;
  }

  /**
   * The hot path: a lease on an app known to be serving, with no provider call and no blocking I/O;
   * empty when the app is not known to serve (then call {@link #wakeAndLease}).
   */
  public Optional<Lease> tryLease(String key) {
    AppRuntime runtime = runtimes.get(key);
    if (runtime == null || !runtime.tryEnter()) {
      return Optional.empty();
    }
    ProviderApp app = runtime.app;
    if (app.upstream().isEmpty()) {
      runtime.leave();
      return Optional.empty();
    }
    recordAccess(runtime);
    return Optional.of(new Lease(runtime, app));
  }

  /** Finds the app the settings route to, wakes it and its linked apps when needed, leases it. */
  public Future<Lease> wakeAndLease(AppSettings settings) {
    return wakeAndLease(settings, LEASE_ATTEMPTS);
  }

  private Future<Lease> wakeAndLease(AppSettings settings, int attemptsLeft) {
    return catalog
        .find(settings)
        .compose(app -> wakeWithLinkedApps(app, settings))
        .compose(
            app -> {
              Optional<Lease> lease = tryLease(app.key());
              if (lease.isPresent()) {
                return Future.succeededFuture(lease.get());
              }
              if (app.upstream().isEmpty()) {
                return Future.failedFuture(new NotProxiableException(app.key()));
              }
              // A stop slipped in between the wake and the lease: wake again.
              return attemptsLeft > 1
                  ? wakeAndLease(settings, attemptsLeft - 1)
                  : Future.failedFuture(
                      new StartFailedException(
                          app.key(), "it was stopped again while waking", null));
            });
  }

  /**
   * Wakes an app and its linked apps on an operator's demand, as a request would; completes once
   * the app answers (or, for an app without a web URL such as a worker, once it runs).
   */
  public Future<ProviderApp> start(AppSettings settings) {
    return catalog.find(settings).compose(app -> wakeTogether(app, settings));
  }

  /**
   * The state Paastis sees now: an operation under way on this instance wins over the provider's
   * last reading.
   */
  public AppState state(ProviderApp app) {
    AppRuntime runtime = runtimes.get(app.key());
    if (runtime == null) {
      return app.state();
    }
    synchronized (runtime) {
      if (runtime.wake != null) {
        return AppState.STARTING;
      }
      if (runtime.stop != null || runtime.state == AppState.STOPPING) {
        return AppState.STOPPING;
      }
      return runtime.state == AppState.UNKNOWN ? app.state() : runtime.state;
    }
  }

  /** The known apps per state as {@link #state} sees them, for the apps gauge. */
  public Map<AppState, Long> countByState() {
    Map<AppState, Long> counts = new EnumMap<>(AppState.class);
    catalog.all().forEach(app -> counts.merge(state(app), 1L, Long::sum));
    return counts;
  }

  /** Checks whether an app of that name exists, without waking it. */
  public Future<ProviderApp> find(AppSettings settings) {
    return catalog.find(settings);
  }

  /** A request needs an app it can be forwarded to: a worker-only app is not woken for it. */
  private Future<ProviderApp> wakeWithLinkedApps(ProviderApp app, AppSettings settings) {
    if (app.upstream().isEmpty()) {
      return Future.failedFuture(new NotProxiableException(app.key()));
    }
    return wakeTogether(app, settings);
  }

  private Future<ProviderApp> wakeTogether(ProviderApp app, AppSettings settings) {
    Future<ProviderApp> main = wake(app, settings.maxIdleTime());
    List<Future<ProviderApp>> all = new ArrayList<>();
    all.add(main);
    for (String linked : settings.linkedApps()) {
      all.add(wakeLinked(app.key(), linked));
    }
    return Future.join(all).transform(ignored -> main);
  }

  private Future<ProviderApp> wakeLinked(String app, String linked) {
    AppSettings settings = rules.resolve(linked);
    return catalog
        .find(settings)
        .compose(linkedApp -> wake(linkedApp, settings.maxIdleTime()))
        .onFailure(
            failure ->
                LOG.warn(
                    "linked app {} of {} could not be woken: {}", linked, app, message(failure)));
  }

  /** Wakes one app unless it serves already; joins the wake under way if there is one. */
  public Future<ProviderApp> wake(ProviderApp app, Duration maxIdleTime) {
    AppRuntime runtime = runtime(app.key());
    synchronized (runtime) {
      if (runtime.state == AppState.RUNNING && runtime.app != null) {
        return Future.succeededFuture(runtime.app);
      }
      if (runtime.wake != null) {
        return runtime.wake;
      }
      Promise<ProviderApp> promise = Promise.promise();
      Future<ProviderApp> wake = promise.future();
      runtime.wake = wake;
      wake.onComplete(
          done -> {
            synchronized (runtime) {
              if (runtime.wake == wake) {
                runtime.wake = null;
              }
            }
          });
      Future<?> previousStop = runtime.stop == null ? Future.succeededFuture() : runtime.stop;
      previousStop.onComplete(ignored -> doWake(runtime, app, maxIdleTime).onComplete(promise));
      return wake;
    }
  }

  private Future<ProviderApp> doWake(AppRuntime runtime, ProviderApp known, Duration maxIdleTime) {
    Optional<Provider> provider = providers.byName(known.provider());
    if (provider.isEmpty()) {
      return Future.failedFuture(new AppNotFoundException(known.key()));
    }
    WakeStart started = new WakeStart(clock.instant(), System.nanoTime());
    return provider
        .get()
        .status(known.key())
        .compose(
            current -> {
              runtime.app = current;
              catalog.update(current);
              return current.state() == AppState.RUNNING
                  ? readiness.awaitReady(provider.get(), current, provider.get().operationTimeout())
                  : start(provider.get(), current, started);
            })
        .compose(ready -> markAwake(runtime, ready, maxIdleTime))
        .recover(failure -> wakeFailed(runtime, known, started, failure));
  }

  private Future<ProviderApp> start(Provider provider, ProviderApp app, WakeStart started) {
    String key = app.key();
    LOG.info("starting app {} ({})", key, provider.name());
    events.record(EventType.APP_STARTING, key, provider.name());
    return hooks
        .run(HookPhase.BEFORE_START, key, provider.name())
        .compose(ignored -> registry.get(key))
        .map(entry -> entry.flatMap(ManagedApp::savedFormation).orElse(Formation.DEFAULT))
        .compose(formation -> provider.start(key, formation.orDefault()))
        .compose(
            ignored -> {
              Duration elapsed = Duration.between(started.at(), clock.instant());
              Duration left = provider.operationTimeout().minus(elapsed);
              return readiness.awaitReady(provider, app, left.isNegative() ? Duration.ZERO : left);
            })
        .onSuccess(ready -> onStarted(ready, started));
  }

  private void onStarted(ProviderApp app, WakeStart started) {
    metrics.wakeEnded(app.key(), WakeOutcome.STARTED, started.elapsedNanos());
    long durationMs = Duration.between(started.at(), clock.instant()).toMillis();
    LOG.info("app {} started in {} ms", app.key(), durationMs);
    events.record(
        EventType.APP_STARTED, app.key(), app.provider(), Map.of("durationMs", durationMs));
    hooks.run(HookPhase.AFTER_START, app.key(), app.provider());
  }

  private Future<ProviderApp> markAwake(AppRuntime runtime, ProviderApp app, Duration maxIdleTime) {
    runtime.app = app;
    runtime.state = AppState.RUNNING;
    catalog.update(app);
    if (ignored.isIgnored(app.key())) {
      return Future.succeededFuture(app);
    }
    Instant now = clock.instant();
    runtime.lastTouchWrittenMillis = now.toEpochMilli();
    return registry
        .get(app.key())
        .compose(
            entry -> {
              if (entry.isPresent()) {
                return registry.put(entry.get().awake(now));
              }
              ManagedApp registered =
                  ManagedApp.registered(app.key(), app.provider(), app.region(), maxIdleTime, now);
              return registry
                  .put(registered)
                  .onSuccess(
                      ignored ->
                          events.record(EventType.APP_REGISTERED, app.key(), app.provider()));
            })
        .map(app);
  }

  private Future<ProviderApp> wakeFailed(
      AppRuntime runtime, ProviderApp app, WakeStart started, Throwable failure) {
    runtime.state = AppState.UNKNOWN;
    Throwable mapped = toDomainFailure(app.key(), failure);
    if (mapped instanceof AppNotFoundException) {
      catalog.forget(app.key());
      return Future.failedFuture(mapped);
    }
    metrics.wakeEnded(app.key(), WakeOutcome.of(mapped), started.elapsedNanos());
    long durationMs = Duration.between(started.at(), clock.instant()).toMillis();
    LOG.warn("app {} failed to start after {} ms: {}", app.key(), durationMs, mapped.getMessage());
    events.record(
        EventType.APP_START_FAILED,
        app.key(),
        app.provider(),
        Map.of("reason", mapped.getMessage(), "durationMs", durationMs));
    return Future.failedFuture(mapped);
  }

  private static Throwable toDomainFailure(String key, Throwable failure) {
    if (failure instanceof UnknownAppException) {
      return new AppNotFoundException(key);
    }
    if (failure instanceof ProviderException) {
      return new StartFailedException(key, failure.getMessage(), failure);
    }
    return failure;
  }

  /**
   * Stops an app unless a request or WebSocket is in flight to it or a wake is under way. Completes
   * with true when it stopped the app, false when it left it running.
   */
  public Future<Boolean> stop(String key, StopReason reason) {
    AppRuntime runtime = runtime(key);
    synchronized (runtime) {
      if (runtime.wake != null) {
        return Future.succeededFuture(false);
      }
      if (runtime.stop != null) {
        return runtime.stop;
      }
      if (!runtime.beginStop()) {
        LOG.debug("app {} has requests in flight: not stopped", key);
        return Future.succeededFuture(false);
      }
      Future<Boolean> stop = doStop(runtime, reason);
      runtime.stop = stop;
      stop.onComplete(
          done -> {
            synchronized (runtime) {
              if (runtime.stop == stop) {
                runtime.stop = null;
              }
            }
          });
      return stop;
    }
  }

  private Future<Boolean> doStop(AppRuntime runtime, StopReason reason) {
    String key = runtime.key;
    return providerOf(key)
        .compose(
            provider ->
                hooks
                    .run(HookPhase.BEFORE_STOP, key, provider.name())
                    .compose(ignored -> provider.status(key))
                    .compose(current -> saveFormation(current).map(current))
                    .compose(current -> provider.stop(key).map(current))
                    .map(
                        current -> {
                          ProviderApp stopped = current.withState(AppState.STOPPED);
                          runtime.app = stopped;
                          runtime.state = AppState.STOPPED;
                          catalog.update(stopped);
                          LOG.info("app {} stopped ({})", key, reason.value());
                          metrics.appStopped(key, reason);
                          events.record(
                              EventType.APP_STOPPED,
                              key,
                              provider.name(),
                              Map.of("reason", reason.value()));
                          hooks.run(HookPhase.AFTER_STOP, key, provider.name());
                          return true;
                        }))
        .onFailure(
            failure -> {
              runtime.state = AppState.UNKNOWN;
              LOG.warn("app {} could not be stopped: {}", key, message(failure));
            });
  }

  private Future<Void> saveFormation(ProviderApp current) {
    Instant now = clock.instant();
    return registry
        .get(current.key())
        .compose(
            entry ->
                entry.isPresent()
                    ? registry.put(entry.get().stopped(current.formation(), now))
                    : Future.succeededFuture());
  }

  private Future<Provider> providerOf(String key) {
    Optional<String> name = catalog.get(key).map(ProviderApp::provider);
    Future<Optional<String>> fromRegistry =
        name.isPresent()
            ? Future.succeededFuture(name)
            : registry.get(key).map(entry -> entry.map(ManagedApp::provider));
    return fromRegistry.compose(
        providerName ->
            providerName
                .flatMap(providers::byName)
                .map(Future::succeededFuture)
                .orElseGet(() -> Future.failedFuture(new AppNotFoundException(key))));
  }

  /** Takes a fresh provider listing into account: states of apps with no operation under way. */
  public void observe(String provider, List<ProviderApp> listing) {
    catalog.replaceListing(provider, listing);
    for (ProviderApp app : listing) {
      AppRuntime runtime = runtime(app.key());
      synchronized (runtime) {
        if (runtime.wake == null && runtime.stop == null) {
          runtime.app = app;
          runtime.state = app.state();
        }
      }
    }
  }

  /** Stops tracking an app that its provider no longer lists. */
  public Future<Void> unregister(ManagedApp app) {
    catalog.forget(app.key());
    return untrack(app);
  }

  /**
   * Stops tracking every app, as the original's DELETE /apps does; the apps stay known, and running
   * ones are tracked again at the next tick.
   */
  public Future<Void> unregisterAll() {
    return registry
        .all()
        .compose(tracked -> Future.all(tracked.stream().map(this::untrack).toList()))
        .mapEmpty();
  }

  private Future<Void> untrack(ManagedApp app) {
    runtimes.remove(app.key());
    return registry
        .remove(app.key())
        .onSuccess(
            removed -> {
              if (removed) {
                LOG.info("app {} of {} unregistered", app.key(), app.provider());
                events.record(EventType.APP_UNREGISTERED, app.key(), app.provider());
              }
            })
        .mapEmpty();
  }

  /** Requests and WebSockets in flight to an app through this instance. */
  public int inFlight(String key) {
    AppRuntime runtime = runtimes.get(key);
    return runtime == null ? 0 : runtime.inFlight.get();
  }

  /** Requests and WebSockets in flight to every app through this instance. */
  public int inFlight() {
    return runtimes.values().stream().mapToInt(runtime -> runtime.inFlight.get()).sum();
  }

  /**
   * Counts a request the proxy answered. The app is named only when a provider knows it, so that
   * arbitrary Host headers cannot create new time series.
   */
  /** Whether {@link #requestServed} counts anything (metrics are on). */
  public boolean countsRequests() {
    return metrics.countsRequests();
  }

  public void requestServed(String name, int status, long durationNanos) {
    String app = catalog.knows(name) ? name : Metrics.UNKNOWN_APP;
    metrics.requestServed(app, status, durationNanos);
  }

  private void recordAccess(AppRuntime runtime) {
    long now = clock.millis();
    if (now - runtime.lastTouchWrittenMillis < TOUCH_INTERVAL_MS) {
      return;
    }
    runtime.lastTouchWrittenMillis = now;
    registry
        .touch(runtime.key, Instant.ofEpochMilli(now))
        .onFailure(
            failure ->
                LOG.warn("could not record access to {}: {}", runtime.key, message(failure)));
  }

  private AppRuntime runtime(String key) {
    return runtimes.computeIfAbsent(key, AppRuntime::new);
  }

  static String message(Throwable failure) {
    return failure.getMessage() == null ? failure.toString() : failure.getMessage();
  }

  /**
   * When a wake began: on the injected clock for the events and the operation timeout, on the
   * monotonic clock for the duration metric.
   */
  private record WakeStart(Instant at, long nanos) {

    long elapsedNanos() {
      return System.nanoTime() - nanos;
    }
  }
}
