package dev.paastis.internal.lifecycle;

import dev.paastis.app.AppSettings;
import dev.paastis.app.AppState;
import dev.paastis.app.ProviderApp;
import dev.paastis.app.Rules;
import dev.paastis.provider.Deadline;
import dev.paastis.provider.Provider;
import dev.paastis.provider.Providers;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wakes apps: one start per app at a time whatever the number of waiting requests, linked apps
 * woken together. The steps of one wake are {@link WakeSteps}'.
 *
 * <p>A wake, lookup included, is over within its provider's operation timeout from the moment the
 * request began to wait: the deadline goes down to every provider call, and a timer ends the wake
 * then whatever the provider is still doing. The next request starts a new wake.
 *
 * <p>Futures complete on Vert.x threads. Failures are the domain exceptions of this package ({@link
 * AppNotFoundException}, {@link WakeTimeoutException}, {@link StartFailedException}, {@link
 * NotProxiableException}) or a {@link dev.paastis.provider.ProviderException} (a lookup the
 * provider could not answer, {@link dev.paastis.provider.CredentialsRejectedException}).
 */
public final class Waker {

  private static final Logger LOG = LoggerFactory.getLogger(Waker.class);
  private static final int LEASE_ATTEMPTS = 3;

  private final Providers providers;
  private final Rules rules;
  private final IgnoredApps ignored;
  private final Clock clock;
  private final AppCatalog catalog;
  private final AppLookup lookup;
  private final Leases leases;
  private final DeadlineTimer timer;
  private final WakeSteps steps;

  Waker(
      LifecycleContext context,
      AppCatalog catalog,
      AppLookup lookup,
      Leases leases,
      DeadlineTimer timer,
      PeerWaits peerWaits) {
    this.providers = context.providers();
    this.rules = context.rules();
    this.ignored = context.ignored();
    this.clock = context.clock();
    this.catalog = catalog;
    this.lookup = lookup;
    this.leases = leases;
    this.timer = timer;
    this.steps = new WakeSteps(context, catalog, leases, peerWaits);
  }

  /** Finds the app the settings route to, wakes it and its linked apps when needed, leases it. */
  Future<Lease> wakeAndLease(AppSettings settings) {
    return wakeAndLease(settings, System.nanoTime(), LEASE_ATTEMPTS);
  }

  /**
   * {@code since} is when the request began to wait ({@link System#nanoTime()}): the lookup and the
   * wake are both over within the provider's operation timeout from then.
   */
  private Future<Lease> wakeAndLease(AppSettings settings, long since, int attemptsLeft) {
    return lookup
        .find(settings, since)
        .compose(app -> wakeWithLinkedApps(app, settings, since))
        .compose(
            app -> {
              Optional<Lease> lease = leases.tryLease(app.key(), true);
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
    return lookup.find(settings, since).compose(app -> wakeTogether(app, settings, since));
  }

  /** Checks whether an app of that name exists, without waking it. */
  public Future<ProviderApp> find(AppSettings settings) {
    return lookup.find(settings, System.nanoTime());
  }

  /** A request needs an app it can be forwarded to: a worker-only app is not woken for it. */
  private Future<ProviderApp> wakeWithLinkedApps(
      ProviderApp app, AppSettings settings, long since) {
    if (app.upstream().isEmpty()) {
      return Future.failedFuture(new NotProxiableException(app.key()));
    }
    if (ignored.isOwnApp(app)) {
      return Future.failedFuture(NotProxiableException.ownApp(app.key()));
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
    return lookup
        .find(settings, since)
        .compose(linkedApp -> wake(linkedApp, settings.maxIdleTime(), since))
        .onFailure(
            failure ->
                LOG.warn(
                    "linked app {} of {} could not be woken: {}",
                    linked,
                    app,
                    AppLifecycle.message(failure)));
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
    AppRuntime runtime = catalog.runtime(app.key());
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
          previousStop.transform(ignored -> steps.run(attempt, app, maxIdleTime));
      timer
          .bound(work, deadline, attempt::timedOut)
          .recover(failure -> steps.failed(attempt, app, failure))
          .onComplete(attempt.outcome());
      return wake;
    }
  }
}
