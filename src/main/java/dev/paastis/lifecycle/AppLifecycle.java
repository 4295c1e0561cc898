package dev.paastis.lifecycle;

import dev.paastis.app.AppSettings;
import dev.paastis.app.AppState;
import dev.paastis.app.Formation;
import dev.paastis.app.ProviderApp;
import dev.paastis.app.Rules;
import dev.paastis.events.EventType;
import dev.paastis.provider.CredentialsRejectedException;
import dev.paastis.provider.Deadline;
import dev.paastis.provider.Provider;
import dev.paastis.provider.ProviderException;
import dev.paastis.provider.Providers;
import dev.paastis.provider.UnknownAppException;
import dev.paastis.registry.ManagedApp;
import dev.paastis.registry.Registry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
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
 * <p>A wake, lookup included, is over within its provider's operation timeout from the moment the
 * request began to wait: the deadline goes down to every provider call, and a timer ends the wake
 * then whatever the provider is still doing. The next request starts a new wake.
 *
 * <p>Futures complete on Vert.x threads. Failures are the domain exceptions of this package ({@link
 * AppNotFoundException}, {@link WakeTimeoutException}, {@link StartFailedException}, {@link
 * NotProxiableException}) or {@link ProviderException} (a lookup the provider could not answer,
 * {@link CredentialsRejectedException}).
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
  private final DeadlineTimer timer;
  private final Map<String, AppRuntime> runtimes = new ConcurrentHashMap<>();

  /** {@code vertx} runs the timers that end a wake at its deadline. */
  public AppLifecycle(
      Vertx vertx,
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
    this.timer = new DeadlineTimer(vertx);
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
    return wakeAndLease(settings, System.nanoTime(), LEASE_ATTEMPTS);
  }

  /**
   * {@code since} is when the request began to wait ({@link System#nanoTime()}): the lookup and the
   * wake are both over within the provider's operation timeout from then.
   */
  private Future<Lease> wakeAndLease(AppSettings settings, long since, int attemptsLeft) {
    return lookUp(settings, since)
        .compose(app -> wakeWithLinkedApps(app, settings, since))
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
                  ? wakeAndLease(settings, since, attemptsLeft - 1)
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
    long since = System.nanoTime();
    return lookUp(settings, since).compose(app -> wakeTogether(app, settings, since));
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
    return lookUp(settings, System.nanoTime());
  }

  /**
   * Finds the app, each provider asked within its operation timeout from {@code since}; fails at
   * the longest of them whatever a provider is still doing.
   */
  private Future<ProviderApp> lookUp(AppSettings settings, long since) {
    Deadline deadline =
        catalog.candidates(settings).stream()
            .map(Provider::operationTimeout)
            .max(Duration::compareTo)
            .map(longest -> Deadline.after(since, longest))
            .orElse(Deadline.none());
    return timer.bound(
        catalog.find(settings, since),
        deadline,
        () ->
            new WakeTimeoutException(
                settings.appName(),
                deadline.budget(),
                "waiting for its provider to say whether it knows it"));
  }

  /** A request needs an app it can be forwarded to: a worker-only app is not woken for it. */
  private Future<ProviderApp> wakeWithLinkedApps(
      ProviderApp app, AppSettings settings, long since) {
    if (app.upstream().isEmpty()) {
      return Future.failedFuture(new NotProxiableException(app.key()));
    }
    return wakeTogether(app, settings, since);
  }

  private Future<ProviderApp> wakeTogether(ProviderApp app, AppSettings settings, long since) {
    Future<ProviderApp> main = wake(app, settings.maxIdleTime(), since);
    List<Future<ProviderApp>> all = new ArrayList<>();
    all.add(main);
    for (String linked : settings.linkedApps()) {
      all.add(wakeLinked(app.key(), linked, since));
    }
    return Future.join(all).transform(ignored -> main);
  }

  private Future<ProviderApp> wakeLinked(String app, String linked, long since) {
    AppSettings settings = rules.resolve(linked);
    return lookUp(settings, since)
        .compose(linkedApp -> wake(linkedApp, settings.maxIdleTime(), since))
        .onFailure(
            failure ->
                LOG.warn(
                    "linked app {} of {} could not be woken: {}", linked, app, message(failure)));
  }

  /**
   * Wakes one app unless it serves already; joins the wake under way if there is one. The wake ends
   * by its deadline whatever its provider is doing; then the next request starts a new one.
   */
  private Future<ProviderApp> wake(ProviderApp app, Duration maxIdleTime, long since) {
    Optional<Provider> provider = providers.byName(app.provider());
    if (provider.isEmpty()) {
      return Future.failedFuture(new AppNotFoundException(app.key()));
    }
    AppRuntime runtime = runtime(app.key());
    synchronized (runtime) {
      if (runtime.state == AppState.RUNNING && runtime.app != null) {
        return Future.succeededFuture(runtime.app);
      }
      if (runtime.wake != null) {
        return runtime.wake;
      }
      Deadline deadline = Deadline.after(since, provider.get().operationTimeout());
      WakeAttempt attempt = new WakeAttempt(runtime, provider.get(), deadline, clock.instant());
      Future<ProviderApp> wake = attempt.future();
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
      Future<ProviderApp> work =
          previousStop.transform(ignored -> doWake(attempt, app, maxIdleTime));
      timer
          .bound(work, deadline, attempt::timedOut)
          .recover(failure -> wakeFailed(attempt, app, failure))
          .onComplete(attempt.outcome());
      return wake;
    }
  }

  /** The steps of a wake; each one that changes state first checks that the wake is not over. */
  private Future<ProviderApp> doWake(WakeAttempt attempt, ProviderApp known, Duration maxIdleTime) {
    Provider provider = attempt.provider;
    attempt.waitFor("waiting for " + provider.name() + " to report its state");
    return provider
        .status(known.key(), attempt.deadline)
        .compose(
            current -> {
              if (attempt.isOver()) {
                return late(attempt);
              }
              attempt.runtime.app = current;
              catalog.update(current);
              return current.state() == AppState.RUNNING
                  ? awaitReady(attempt, current)
                  : start(attempt, current);
            })
        .compose(ready -> markAwake(attempt, ready, maxIdleTime));
  }

  private Future<ProviderApp> start(WakeAttempt attempt, ProviderApp app) {
    String key = app.key();
    Provider provider = attempt.provider;
    LOG.info("starting app {} ({})", key, provider.name());
    events.record(EventType.APP_STARTING, key, provider.name());
    attempt.waitFor("running the before-start hooks");
    return hooks
        .run(HookPhase.BEFORE_START, key, provider.name())
        .compose(ignored -> registry.get(key))
        .map(entry -> entry.flatMap(ManagedApp::savedFormation).orElse(Formation.DEFAULT))
        .compose(
            formation -> {
              if (attempt.isOver()) {
                return late(attempt);
              }
              attempt.markStarted();
              attempt.waitFor("waiting for " + provider.name() + " to accept the start");
              return provider.start(key, formation.orDefault(), attempt.deadline);
            })
        .compose(ignored -> awaitReady(attempt, app))
        .onSuccess(
            ready -> {
              if (!attempt.isOver()) {
                onStarted(ready, attempt);
              }
            });
  }

  private Future<ProviderApp> awaitReady(WakeAttempt attempt, ProviderApp app) {
    attempt.waitFor("waiting for it to answer");
    return readiness.awaitReady(attempt.provider, app, attempt.deadline);
  }

  /** What a step of a wake gets once the wake is over: nobody reads it, nothing is changed. */
  private static <T> Future<T> late(WakeAttempt attempt) {
    LOG.debug("wake of {} went on past its end: its late outcome is dropped", attempt.key());
    return Future.failedFuture(attempt.timedOut());
  }

  private void onStarted(ProviderApp app, WakeAttempt attempt) {
    metrics.wakeEnded(app.key(), WakeOutcome.STARTED, attempt.elapsedNanos());
    long durationMs = Duration.between(attempt.startedAt, clock.instant()).toMillis();
    LOG.info("app {} started in {} ms", app.key(), durationMs);
    events.record(
        EventType.APP_STARTED, app.key(), app.provider(), Map.of("durationMs", durationMs));
    hooks.run(HookPhase.AFTER_START, app.key(), app.provider());
  }

  private Future<ProviderApp> markAwake(
      WakeAttempt attempt, ProviderApp app, Duration maxIdleTime) {
    if (attempt.isOver()) {
      return late(attempt);
    }
    AppRuntime runtime = attempt.runtime;
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

  private Future<ProviderApp> wakeFailed(WakeAttempt attempt, ProviderApp app, Throwable failure) {
    attempt.runtime.state = AppState.UNKNOWN;
    Throwable mapped = toDomainFailure(app.key(), failure);
    if (mapped instanceof AppNotFoundException) {
      catalog.forget(app.key());
      return Future.failedFuture(mapped);
    }
    metrics.wakeEnded(app.key(), WakeOutcome.of(mapped), attempt.elapsedNanos());
    long durationMs = Duration.between(attempt.startedAt, clock.instant()).toMillis();
    LOG.warn("app {} failed to start after {} ms: {}", app.key(), durationMs, mapped.getMessage());
    events.record(
        EventType.APP_START_FAILED,
        app.key(),
        app.provider(),
        Map.of("reason", mapped.getMessage(), "durationMs", durationMs));
    return Future.failedFuture(mapped);
  }

  /**
   * What the edge maps: an app the provider does not know, credentials it rejects (a configuration
   * mistake), or the app not started for now (any other provider failure).
   */
  private static Throwable toDomainFailure(String key, Throwable failure) {
    if (failure instanceof UnknownAppException) {
      return new AppNotFoundException(key);
    }
    if (failure instanceof CredentialsRejectedException) {
      return failure;
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
}
