package dev.paastis.provider.local;

import dev.paastis.app.Formation;
import dev.paastis.app.ProviderApp;
import dev.paastis.config.LocalAppConfig;
import dev.paastis.config.PaastisConfig;
import dev.paastis.config.ProviderSection;
import dev.paastis.provider.Deadline;
import dev.paastis.provider.Provider;
import dev.paastis.provider.UnknownAppException;
import io.vertx.core.CompositeFuture;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@code local} provider: each app of {@code local: apps:} is a command run with {@code sh -c}
 * on this machine, listening on a loopback port. An app is RUNNING when its process is alive and
 * answers HTTP on its health path, STARTING while alive but not answering yet, FAILED when it
 * exited with a non-zero code or was killed for not answering within the operation timeout.
 *
 * <p>Futures complete on a Vert.x thread; blocking work (spawning, waiting for processes to end)
 * runs on worker threads. {@link #stop} and {@link #close} are idempotent. Children never outlive
 * the JVM: a shutdown hook kills those still running.
 */
public final class LocalProvider implements Provider {

  static final String NAME = "local";

  /** How long children get to end on TERM when the JVM exits without {@link #close}. */
  private static final Duration EXIT_GRACE = Duration.ofSeconds(2);

  private static final Duration BLOCKING_MARGIN = Duration.ofMinutes(1);

  private final Duration operationTimeout;
  private final HealthProbe probe;
  private final WorkerExecutor workers;
  private final Map<String, LocalApp> apps = new LinkedHashMap<>();
  private final Thread shutdownHook;
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * How the local provider reads its variables, for {@link dev.paastis.config.ConfigLoader}. It has
   * no credentials: declared local apps are what enable it.
   */
  public static ProviderSection section() {
    return new ProviderSection(NAME, variables -> false, LocalSettings::read);
  }

  /**
   * The local provider the configuration describes. Its processes run on the machine's time, so the
   * clock is not used.
   */
  public static LocalProvider create(Vertx vertx, PaastisConfig config, Clock clock) {
    LocalSettings settings = (LocalSettings) config.providers().settings(NAME);
    return new LocalProvider(vertx, settings.operationTimeout(), config.providers().localApps());
  }

  /**
   * @param operationTimeout how long a start may take before the child is killed
   * @param declared the apps, each with its own name and port
   */
  public LocalProvider(Vertx vertx, Duration operationTimeout, List<LocalAppConfig> declared) {
    Objects.requireNonNull(vertx, "vertx");
    requireUniqueNames(declared);
    this.operationTimeout = Objects.requireNonNull(operationTimeout, "operationTimeout");
    this.probe = new HealthProbe(vertx);
    this.workers = workers(vertx, declared);
    LocalRuntime runtime = new LocalRuntime(vertx, workers, probe, operationTimeout);
    declared.forEach(app -> apps.put(app.name(), new LocalApp(runtime, app)));
    this.shutdownHook = new Thread(this::killChildren, "paastis-local-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Future<List<ProviderApp>> list() {
    List<Future<ProviderApp>> statuses = apps.values().stream().map(LocalApp::status).toList();
    return Future.all(statuses).map(CompositeFuture::<ProviderApp>list);
  }

  /** Local apps need no remote call: the deadline is left to the lifecycle. */
  @Override
  public Future<ProviderApp> status(String key, Deadline deadline) {
    return app(key).compose(LocalApp::status);
  }

  /** Spawns the app's command unless a child already runs it; completes once it is spawned. */
  @Override
  public Future<Void> start(String key, Formation formation, Deadline deadline) {
    Objects.requireNonNull(formation, "formation");
    return app(key).compose(app -> app.start(formation));
  }

  /** TERMs the child and its descendants, KILLs them after stop_grace; completes once gone. */
  @Override
  public Future<Void> stop(String key) {
    return app(key).compose(LocalApp::stop);
  }

  @Override
  public Duration operationTimeout() {
    return operationTimeout;
  }

  @Override
  public Future<Void> close() {
    if (!closed.compareAndSet(false, true)) {
      return Future.succeededFuture();
    }
    List<Future<Void>> stops = apps.values().stream().map(LocalApp::close).toList();
    return Future.join(stops)
        .eventually(probe::close)
        .eventually(workers::close)
        .andThen(done -> removeShutdownHook())
        .mapEmpty();
  }

  private static void requireUniqueNames(List<LocalAppConfig> apps) {
    Set<String> names = new HashSet<>();
    for (LocalAppConfig app : apps) {
      if (!names.add(app.name())) {
        throw new IllegalArgumentException("local app " + app.name() + " is declared twice");
      }
    }
  }

  /** One thread per app, so that every app can be stopped at once, plus one for spawning. */
  private static WorkerExecutor workers(Vertx vertx, List<LocalAppConfig> apps) {
    Duration longestGrace =
        apps.stream().map(LocalAppConfig::stopGrace).max(Duration::compareTo).orElse(Duration.ZERO);
    // A stop legitimately blocks for its grace: warn about blocked threads only beyond it.
    Duration maxBlocking = longestGrace.plus(BLOCKING_MARGIN);
    return vertx.createSharedWorkerExecutor(
        "paastis-local", apps.size() + 1, maxBlocking.toMillis(), TimeUnit.MILLISECONDS);
  }

  private Future<LocalApp> app(String key) {
    LocalApp app = apps.get(key);
    return app == null
        ? Future.failedFuture(new UnknownAppException(NAME, key))
        : Future.succeededFuture(app);
  }

  private void killChildren() {
    List<ProcessHandle> alive =
        apps.values().stream().map(LocalApp::liveProcess).flatMap(Optional::stream).toList();
    ProcessTree.terminate(alive, EXIT_GRACE);
  }

  private void removeShutdownHook() {
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // the JVM is already exiting: the hook runs and finds nothing left to kill
    }
  }
}
