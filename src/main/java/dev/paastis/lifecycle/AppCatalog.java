package dev.paastis.lifecycle;

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
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The apps the providers reported last, by key. Filled by the scheduler's listings and by status
 * lookups for names it has not seen yet. Names no provider knows are remembered for a short while,
 * so that a flood of requests to unknown hosts does not become a flood of provider API calls.
 */
public final class AppCatalog {

  private static final Duration UNKNOWN_TTL = Duration.ofSeconds(30);
  private static final int UNKNOWN_CAPACITY = 10_000;

  private final Providers providers;
  private final Clock clock;
  private final Map<String, ProviderApp> apps = new ConcurrentHashMap<>();
  private final Map<String, Instant> unknownUntil = boundedMap();
  private final Set<String> listedProviders = ConcurrentHashMap.newKeySet();

  public AppCatalog(Providers providers, Clock clock) {
    this.providers = providers;
    this.clock = clock;
  }

  public Optional<ProviderApp> get(String key) {
    return Optional.ofNullable(apps.get(key));
  }

  public Collection<ProviderApp> all() {
    return apps.values();
  }

  /** Whether a provider reported an app of this key: cheap enough for every request. */
  public boolean knows(String key) {
    return apps.containsKey(key);
  }

  /** Replaces what is known of one provider's apps by a fresh listing. */
  public void replaceListing(String provider, List<ProviderApp> listed) {
    apps.values().removeIf(app -> app.provider().equals(provider));
    listed.forEach(this::update);
    listedProviders.add(provider);
  }

  /** Whether the provider has listed its apps at least once. */
  public boolean hasListed(String provider) {
    return listedProviders.contains(provider);
  }

  public void update(ProviderApp app) {
    apps.put(app.key(), app);
    synchronized (unknownUntil) {
      unknownUntil.remove(app.key());
    }
  }

  public void forget(String key) {
    apps.remove(key);
  }

  /**
   * Finds the provider app the settings route to: from the catalog when known, else by asking the
   * providers (the one the rules name, or each in turn), each within its operation timeout from
   * {@code sinceNanos} (a {@link System#nanoTime()} reading). Fails with {@link
   * AppNotFoundException} when none knows it, or with the failure of a provider that could not
   * answer when no other knows it: a fault is not remembered as an unknown name.
   */
  public Future<ProviderApp> find(AppSettings settings, long sinceNanos) {
    String name = settings.appName();
    ProviderApp known = apps.get(name);
    if (known != null) {
      return matches(known, settings)
          ? Future.succeededFuture(known)
          : Future.failedFuture(new AppNotFoundException(name));
    }
    if (recentlyUnknown(name)) {
      return Future.failedFuture(new AppNotFoundException(name));
    }
    return askInTurn(candidates(settings).iterator(), settings, sinceNanos, null)
        .onSuccess(this::update)
        .onFailure(
            failure -> {
              if (failure instanceof AppNotFoundException) {
                rememberUnknown(name);
              }
            });
  }

  /** The providers that may know the app: the one its rules name, or all. */
  List<Provider> candidates(AppSettings settings) {
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
