package dev.paastis.internal.lifecycle;

import dev.paastis.app.AppState;
import dev.paastis.app.Formation;
import dev.paastis.app.ProviderApp;
import dev.paastis.events.EventType;
import dev.paastis.provider.CredentialsRejectedException;
import dev.paastis.provider.Provider;
import dev.paastis.provider.ProviderException;
import dev.paastis.provider.UnknownAppException;
import dev.paastis.registry.ManagedApp;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of one wake: the provider's state, the claim, the before-start hooks, the start with
 * the saved formation, readiness, then tracking and events. Each step that changes state first
 * checks that the wake is not over ({@link WakeAttempt#isOver()}).
 */
final class WakeSteps {

  private static final Logger LOG = LoggerFactory.getLogger(WakeSteps.class);

  private final LifecycleContext context;
  private final AppCatalog catalog;
  private final Leases leases;
  private final PeerWaits peerWaits;

  WakeSteps(LifecycleContext context, AppCatalog catalog, Leases leases, PeerWaits peerWaits) {
    this.context = context;
    this.catalog = catalog;
    this.leases = leases;
    this.peerWaits = peerWaits;
  }

  /** Wakes the app under the claim to wake it, released once the work is over. */
  Future<ProviderApp> run(WakeAttempt attempt, ProviderApp known, Duration maxIdleTime) {
    return context
        .tracker()
        .claimWake(known.key())
        .compose(
            claim ->
                wake(attempt, known, maxIdleTime, claim.granted())
                    .andThen(done -> claim.release()));
  }

  /**
   * Without the claim, another instance starts the app: this one waits for it to say so (its news),
   * spending no provider call; the wake's deadline bounds the wait.
   */
  private Future<ProviderApp> wake(
      WakeAttempt attempt, ProviderApp known, Duration maxIdleTime, boolean claimed) {
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
              if (current.state() == AppState.RUNNING) {
                return awaitReady(attempt, current);
              }
              return claimed ? start(attempt, current) : awaitPeer(attempt, current);
            })
        .compose(ready -> markAwake(attempt, ready, maxIdleTime));
  }

  private Future<ProviderApp> start(WakeAttempt attempt, ProviderApp app) {
    String key = app.key();
    Provider provider = attempt.provider;
    LOG.info("starting app {} ({})", key, provider.name());
    context.events().record(EventType.APP_STARTING, key, provider.name());
    attempt.waitFor("running the before-start hooks");
    return context
        .hooks()
        .run(HookPhase.BEFORE_START, key, provider.name())
        .compose(ignored -> context.registry().get(key))
        .map(entry -> entry.flatMap(ManagedApp::savedFormation).orElse(Formation.DEFAULT))
        .compose(
            formation -> {
              if (attempt.isOver()) {
                return late(attempt);
              }
              attempt.markStarted();
              attempt.waitFor("waiting for " + provider.name() + " to accept the start");
              Future<Void> accepted = provider.start(key, formation.orDefault(), attempt.deadline);
              accepted.onSuccess(ignored -> attempt.waitFor("waiting for it to answer"));
              // readiness watches the app from the start request on: a slow acceptance (a
              // Scalingo operation polled every second) must not delay the answer
              return context.readiness().awaitBoot(provider, app, attempt.deadline, accepted);
            })
        .onSuccess(
            ready -> {
              if (!attempt.isOver()) {
                onStarted(ready, attempt);
              }
            });
  }

  private Future<ProviderApp> awaitPeer(WakeAttempt attempt, ProviderApp app) {
    attempt.waitFor("waiting for the instance that starts it");
    return peerWaits
        .await(app.key(), attempt.sinceNanos())
        .map(started -> app.withState(AppState.RUNNING));
  }

  private Future<ProviderApp> awaitReady(WakeAttempt attempt, ProviderApp app) {
    attempt.waitFor("waiting for it to answer");
    return context.readiness().awaitReady(attempt.provider, app, attempt.deadline);
  }

  /** What a step of a wake gets once the wake is over: nobody reads it, nothing is changed. */
  private static <T> Future<T> late(WakeAttempt attempt) {
    LOG.debug("wake of {} went on past its end: its late outcome is dropped", attempt.key());
    return Future.failedFuture(attempt.timedOut());
  }

  private void onStarted(ProviderApp app, WakeAttempt attempt) {
    context.metrics().wakeEnded(app.key(), WakeOutcome.STARTED, attempt.elapsedNanos());
    long durationMs = Duration.between(attempt.startedAt, context.clock().instant()).toMillis();
    LOG.info("app {} started in {} ms", app.key(), durationMs);
    context
        .events()
        .record(EventType.APP_STARTED, app.key(), app.provider(), Map.of("durationMs", durationMs));
    context.hooks().run(HookPhase.AFTER_START, app.key(), app.provider());
  }

  private Future<ProviderApp> markAwake(
      WakeAttempt attempt, ProviderApp app, Duration maxIdleTime) {
    if (attempt.isOver()) {
      return late(attempt);
    }
    AppRuntime runtime = attempt.runtime;
    runtime.app = app;
    runtime.state = AppState.RUNNING;
    if (context.ignored().isIgnored(app)) {
      return Future.succeededFuture(app);
    }
    Instant now = context.clock().instant();
    leases.awoken(runtime);
    return context
        .tracker()
        .markAwake(app, maxIdleTime, now)
        .onSuccess(
            registered -> {
              if (registered) {
                context.events().record(EventType.APP_REGISTERED, app.key(), app.provider());
              }
            })
        .map(app);
  }

  /** Ends a wake that failed or timed out: its outcome counted, logged and recorded. */
  Future<ProviderApp> failed(WakeAttempt attempt, ProviderApp app, Throwable failure) {
    attempt.runtime.state = AppState.UNKNOWN;
    Throwable mapped = toDomainFailure(app.key(), failure);
    if (mapped instanceof AppNotFoundException) {
      catalog.forget(app.key());
      return Future.failedFuture(mapped);
    }
    context.metrics().wakeEnded(app.key(), WakeOutcome.of(mapped), attempt.elapsedNanos());
    long durationMs = Duration.between(attempt.startedAt, context.clock().instant()).toMillis();
    LOG.warn("app {} failed to start after {} ms: {}", app.key(), durationMs, mapped.getMessage());
    context
        .events()
        .record(
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
}
