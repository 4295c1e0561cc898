package dev.paastis.internal.lifecycle;

import dev.paastis.app.AppState;
import dev.paastis.app.ProviderApp;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The one read model of app state, which the proxy, admin and the scheduler read: per app key, the
 * provider's last reading and what this instance is doing with it ({@link AppRuntime}: the start or
 * stop under way, the requests in flight). It is the only copy: the waker, the stopper and the
 * scheduler's listings all write the same {@link AppRuntime}. Safe to use from any thread.
 */
public final class AppCatalog {

  private final Map<String, AppRuntime> runtimes = new ConcurrentHashMap<>();
  private final Set<String> listedProviders = ConcurrentHashMap.newKeySet();

  /** The provider's last reading of the app, empty when no provider reported it. */
  public Optional<ProviderApp> get(String key) {
    AppRuntime runtime = runtimes.get(key);
    return runtime == null ? Optional.empty() : Optional.ofNullable(runtime.app);
  }

  /** The apps the providers reported. */
  public Collection<ProviderApp> all() {
    return runtimes.values().stream().map(runtime -> runtime.app).filter(Objects::nonNull).toList();
  }

  /** Whether a provider reported an app of this key: cheap enough for every request. */
  public boolean knows(String key) {
    AppRuntime runtime = runtimes.get(key);
    return runtime != null && runtime.app != null;
  }

  /** Whether the provider has listed its apps at least once. */
  public boolean hasListed(String provider) {
    return listedProviders.contains(provider);
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
    all().forEach(app -> counts.merge(state(app), 1L, Long::sum));
    return counts;
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
   * Takes a fresh listing of one provider into account: the readings of apps with no operation
   * under way, and forgets its apps it no longer lists.
   */
  public void observe(String provider, List<ProviderApp> listing) {
    Set<String> listed = listing.stream().map(ProviderApp::key).collect(Collectors.toSet());
    for (AppRuntime runtime : runtimes.values()) {
      ProviderApp known = runtime.app;
      if (known != null && known.provider().equals(provider) && !listed.contains(runtime.key)) {
        observe(runtime, null);
      }
    }
    listing.forEach(app -> observe(runtime(app.key()), app));
    listedProviders.add(provider);
  }

  /** A listing's reading wins only when no start or stop under way owns the app's state. */
  private static void observe(AppRuntime runtime, ProviderApp reading) {
    synchronized (runtime) {
      if (runtime.wake == null && runtime.stop == null) {
        runtime.app = reading;
        runtime.state = reading == null ? AppState.UNKNOWN : reading.state();
      }
    }
  }

  /**
   * Another instance started or stopped the app: its state, unless an operation of this instance
   * owns it; unknown apps are left to the next listing.
   */
  void changedElsewhere(String key, AppState state) {
    AppRuntime runtime = runtimes.get(key);
    if (runtime == null) {
      return;
    }
    synchronized (runtime) {
      ProviderApp known = runtime.app;
      if (known != null && runtime.wake == null && runtime.stop == null) {
        runtime.app = known.withState(state);
        runtime.state = state;
      }
    }
  }

  /** Keys of the apps with requests or WebSockets in flight through this instance. */
  List<String> inUse() {
    return runtimes.values().stream()
        .filter(runtime -> runtime.inFlight.get() > 0)
        .map(runtime -> runtime.key)
        .toList();
  }

  /** A reading of one app from its provider, outside of any operation on it. */
  void update(ProviderApp app) {
    runtime(app.key()).app = app;
  }

  /** No provider knows the app (any more): it is not served until one reports it again. */
  void forget(String key) {
    AppRuntime runtime = runtimes.get(key);
    if (runtime != null) {
      runtime.app = null;
      runtime.state = AppState.UNKNOWN;
    }
  }

  /** Untracked: the next request wakes it again, which tracks it again. */
  void reset(String key) {
    AppRuntime runtime = runtimes.get(key);
    if (runtime != null) {
      runtime.state = AppState.UNKNOWN;
    }
  }

  AppRuntime runtime(String key) {
    return runtimes.computeIfAbsent(key, AppRuntime::new);
  }

  /** The runtime of an app, without creating one: the hot path of unknown names. */
  AppRuntime existing(String key) {
    return runtimes.get(key);
  }
}
