package dev.paastis.internal.lifecycle;

import dev.paastis.app.AppSettings;
import dev.paastis.app.ProviderApp;
import dev.paastis.provider.Deadline;
import dev.paastis.provider.Provider;
import dev.paastis.provider.Providers;
import dev.paastis.provider.UnknownAppException;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the provider app that settings route to: from the {@link AppCatalog} when known, else by
 * asking the providers. Names no provider knows are remembered for a short while, so that a flood
 * of requests to unknown hosts does not become a flood of provider API calls.
 */
final class AppLookup {

  private static final Duration UNKNOWN_TTL = Duration.ofSeconds(30);
  private static final int UNKNOWN_CAPACITY = 10_000;

  private final Providers providers;
  private final AppCatalog catalog;
  private final DeadlineTimer timer;
  private final Clock clock;
  private final Map<String, Instant> unknownUntil = boundedMap();

  AppLookup(Providers providers, AppCatalog catalog, DeadlineTimer timer, Clock clock) {
    this.providers = providers;
    this.catalog = catalog;
    this.timer = timer;
    this.clock = clock;
  }

  /**
   * Finds the app, each provider asked within its operation timeout from {@code since} (a {@link
   * System#nanoTime()} reading); fails at the longest of them whatever a provider is still doing.
   * Fails with {@link AppNotFoundException} when none knows it, or with the failure of a provider
   * that could not answer when no other knows it: a fault is not remembered as an unknown name.
   */
  Future<ProviderApp> find(AppSettings settings, long since) {
    Deadline deadline =
        candidates(settings).stream()
            .map(Provider::operationTimeout)
            .max(Duration::compareTo)
            .map(longest -> Deadline.after(since, longest))
            .orElse(Deadline.none());
    return timer.bound(
        findUnbounded(settings, since),
        deadline,
        () ->
            new WakeTimeoutException(
                settings.appName(),
                deadline.budget(),
                "waiting for its provider to say whether it knows it"));
  }

  private Future<ProviderApp> findUnbounded(AppSettings settings, long sinceNanos) {
    String name = settings.appName();
    ProviderApp known = catalog.get(name).orElse(null);
    if (known != null) {
      return matches(known, settings)
          ? Future.succeededFuture(known)
          : Future.failedFuture(new AppNotFoundException(name));
    }
    if (recentlyUnknown(name)) {
      return Future.failedFuture(new AppNotFoundException(name));
    }
    return askInTurn(candidates(settings).iterator(), settings, sinceNanos, null)
        .onSuccess(this::found)
        .onFailure(
            failure -> {
              if (failure instanceof AppNotFoundException) {
                rememberUnknown(name);
              }
            });
  }

  /** A provider reported the app: it is known from now on. */
  void found(ProviderApp app) {
    catalog.update(app);
    synchronized (unknownUntil) {
      unknownUntil.remove(app.key());
    }
  }

  /** The providers that may know the app: the one its rules name, or all. */
  private List<Provider> candidates(AppSettings settings) {
    return settings
        .provider()
        .map(p -> providers.byName(p).stream().toList())
        .orElse(providers.all());
  }

  /** {@code fault} is the first failure of a provider that could not answer, or null. */
  private Future<ProviderApp> askInTurn(
      Iterator<Provider> candidates, AppSettings settings, long sinceNanos, Throwable fault) {
    if (!candidates.hasNext()) {
      return Future.failedFuture(
          fault != null ? fault : new AppNotFoundException(settings.appName()));
    }
    Provider provider = candidates.next();
    return provider
        .status(settings.appName(), Deadline.after(sinceNanos, provider.operationTimeout()))
        .compose(
            app ->
                matches(app, settings)
                    ? Future.succeededFuture(app)
                    : askInTurn(candidates, settings, sinceNanos, fault),
            failure ->
                askInTurn(
                    candidates,
                    settings,
                    sinceNanos,
                    fault != null || failure instanceof UnknownAppException ? fault : failure));
  }

  private static boolean matches(ProviderApp app, AppSettings settings) {
    boolean providerOk = settings.provider().map(p -> p.equals(app.provider())).orElse(true);
    boolean regionOk =
        settings.region().map(r -> app.region().map(r::equals).orElse(false)).orElse(true);
    return providerOk && regionOk;
  }

  private boolean recentlyUnknown(String name) {
    synchronized (unknownUntil) {
      Instant until = unknownUntil.get(name);
      return until != null && until.isAfter(clock.instant());
    }
  }

  private void rememberUnknown(String name) {
    synchronized (unknownUntil) {
      unknownUntil.put(name, clock.instant().plus(UNKNOWN_TTL));
    }
  }

  private static Map<String, Instant> boundedMap() {
    return new LinkedHashMap<>() {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
        return size() > UNKNOWN_CAPACITY;
      }
    };
  }
}
