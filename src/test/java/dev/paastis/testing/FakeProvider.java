package dev.paastis.testing;

import dev.paastis.app.AppState;
import dev.paastis.app.Formation;
import dev.paastis.app.ProviderApp;
import dev.paastis.provider.CredentialsRejectedException;
import dev.paastis.provider.Deadline;
import dev.paastis.provider.Provider;
import dev.paastis.provider.ProviderException;
import dev.paastis.provider.UnknownAppException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * An in-process provider with real state: apps go STARTING → RUNNING a configurable delay after a
 * start, remember the formation they were started with, and count every call. Not final: a test
 * gives it an optional ability ({@code StartupCheck}, {@code HostAliases}) in a subclass.
 */
public class FakeProvider implements Provider {

  private final Vertx vertx;
  private final String name;
  private final Duration operationTimeout;
  private final Map<String, FakeApp> apps = new ConcurrentHashMap<>();
  public final AtomicInteger starts = new AtomicInteger();
  public final AtomicInteger stops = new AtomicInteger();
  public final AtomicInteger statusCalls = new AtomicInteger();
  public final AtomicInteger listCalls = new AtomicInteger();
  public final List<Formation> startedWith = new CopyOnWriteArrayList<>();
  private volatile Duration startDelay = Duration.ofMillis(200);
  private volatile boolean neverReady;
  private volatile boolean broken;
  private volatile boolean rejecting;
  private volatile Duration latency = Duration.ZERO;

  public FakeProvider(Vertx vertx, String name, Duration operationTimeout) {
    this.vertx = vertx;
    this.name = name;
    this.operationTimeout = operationTimeout;
  }

  private static final class FakeApp {
    final String key;
    final URI upstream;
    volatile AppState state;
    volatile Formation formation;

    FakeApp(String key, URI upstream, AppState state, Formation formation) {
      this.key = key;
      this.upstream = upstream;
      this.state = state;
      this.formation = formation;
    }
  }

  /** An app with a null upstream has no web URL, as a worker-only app. */
  public FakeProvider withApp(String key, URI upstream, AppState state, Formation formation) {
    apps.put(key, new FakeApp(key, upstream, state, formation));
    return this;
  }

  public FakeProvider withStoppedApp(String key, URI upstream) {
    return withApp(key, upstream, AppState.STOPPED, Formation.of(Map.of("web", 0)));
  }

  public FakeProvider withRunningApp(String key, URI upstream) {
    return withApp(key, upstream, AppState.RUNNING, Formation.DEFAULT);
  }

  public void setStartDelay(Duration delay) {
    this.startDelay = delay;
  }

  /** While set, started apps stay STARTING forever. */
  public void setNeverReady(boolean neverReady) {
    this.neverReady = neverReady;
  }

  /**
   * Status and start answer this much later (a timer): longer than the operation timeout, a hung
   * provider whose answers come too late.
   */
  public void setLatency(Duration latency) {
    this.latency = latency;
  }

  /** While set, status and start fail as with credentials the provider no longer accepts. */
  public void setRejecting(boolean rejecting) {
    this.rejecting = rejecting;
  }

  /** While set, every operation fails as an unreachable provider does. */
  public void setBroken(boolean broken) {
    this.broken = broken;
  }

  public void remove(String key) {
    apps.remove(key);
  }

  /**
   * Whether an app behind this web URL runs: what a platform's router checks before it hands a
   * request to an app (see {@link TestUpstream#servesWhile}).
   */
  public boolean serves(URI upstream) {
    return apps.values().stream()
        .anyMatch(app -> upstream.equals(app.upstream) && app.state == AppState.RUNNING);
  }

  public AppState stateOf(String key) {
    return apps.get(key).state;
  }

  public Formation formationOf(String key) {
    return apps.get(key).formation;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Duration operationTimeout() {
    return operationTimeout;
  }

  @Override
  public Future<List<ProviderApp>> list() {
    listCalls.incrementAndGet();
    if (broken) {
      return unreachable();
    }
    return Future.succeededFuture(apps.values().stream().map(this::view).toList());
  }

  @Override
  public Future<ProviderApp> status(String key, Deadline deadline) {
    statusCalls.incrementAndGet();
    return later(
        () -> {
          if (broken) {
            return unreachable();
          }
          if (rejecting) {
            return rejected();
          }
          FakeApp app = apps.get(key);
          return app == null
              ? Future.failedFuture(new UnknownAppException(name, key))
              : Future.succeededFuture(view(app));
        });
  }

  @Override
  public Future<Void> start(String key, Formation formation, Deadline deadline) {
    return later(() -> startNow(key, formation));
  }

  /**
   * The answer now, or after the latency; the deadline is ignored, as an in-process provider may.
   */
  private <T> Future<T> later(Supplier<Future<T>> answer) {
    long delay = latency.toMillis();
    if (delay <= 0) {
      return answer.get();
    }
    Promise<T> promise = Promise.promise();
    vertx.setTimer(delay, id -> answer.get().onComplete(promise));
    return promise.future();
  }

  private Future<Void> startNow(String key, Formation formation) {
    if (broken) {
      return unreachable();
    }
    if (rejecting) {
      return rejected();
    }
    FakeApp app = apps.get(key);
    if (app == null) {
      return Future.failedFuture(new UnknownAppException(name, key));
    }
    starts.incrementAndGet();
    startedWith.add(formation);
    app.formation = formation;
    app.state = AppState.STARTING;
    vertx.setTimer(
        Math.max(1, startDelay.toMillis()),
        id -> {
          if (!neverReady && app.state == AppState.STARTING) {
            app.state = AppState.RUNNING;
          }
        });
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> stop(String key) {
    FakeApp app = apps.get(key);
    if (app == null) {
      return Future.failedFuture(new UnknownAppException(name, key));
    }
    stops.incrementAndGet();
    Map<String, Integer> zero = new java.util.TreeMap<>();
    app.formation.quantities().keySet().forEach(type -> zero.put(type, 0));
    app.formation = Formation.of(zero);
    app.state = AppState.STOPPED;
    return Future.succeededFuture();
  }

  private <T> Future<T> rejected() {
    return Future.failedFuture(
        new CredentialsRejectedException(name, "the fake provider's token was rejected (401)"));
  }

  private <T> Future<T> unreachable() {
    return Future.failedFuture(new ProviderException(name, "fake provider is unreachable"));
  }

  private ProviderApp view(FakeApp app) {
    return new ProviderApp(
        app.key,
        app.key,
        name,
        app.state,
        Optional.ofNullable(app.upstream),
        Optional.empty(),
        app.formation);
  }
}
