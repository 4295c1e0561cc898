package dev.paastis.provider.local;

import dev.paastis.app.AppState;
import dev.paastis.app.Formation;
import dev.paastis.app.ProviderApp;
import dev.paastis.config.LocalAppConfig;
import dev.paastis.provider.ProviderException;
import io.vertx.core.Future;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One configured local app and the child that currently runs it, if any.
 *
 * <p>Fields are guarded by {@code this}; nothing blocking runs under the lock. Completion handlers
 * check that the child they were made for is still the current one, so a late callback from an old
 * child never touches its successor.
 */
final class LocalApp {

  private static final Logger LOG = LoggerFactory.getLogger(LocalApp.class);

  private final LocalRuntime runtime;
  private final LocalAppConfig config;
  private final URI upstream;

  private LocalChild child;
  private Future<Void> starting;
  private Future<Void> stopping;
  private boolean failed;
  private boolean closed;

  LocalApp(LocalRuntime runtime, LocalAppConfig config) {
    this.runtime = runtime;
    this.config = config;
    this.upstream = URI.create("http://127.0.0.1:" + config.port());
  }

  Future<ProviderApp> status() {
    Optional<AppState> known = knownState();
    if (known.isPresent()) {
      return Future.succeededFuture(describe(known.get()));
    }
    return runtime
        .probe()
        .answers(config.port(), config.healthPath())
        .map(answered -> describe(answered ? AppState.RUNNING : AppState.STARTING));
  }

  synchronized Future<Void> start(Formation formation) {
    if (closed) {
      return Future.failedFuture(
          new ProviderException(LocalProvider.NAME, "provider local is closed"));
    }
    logFormation(formation);
    reconcileExit();
    failed = false;
    if (isPending(stopping)) {
      // a stop (or the kill of a start that timed out) must free the port first
      return stopping.transform(ignored -> start(formation));
    }
    if (isPending(starting)) {
      return starting;
    }
    if (child != null) {
      return Future.succeededFuture();
    }
    starting =
        runtime
            .workers()
            .executeBlocking(() -> LocalChild.spawn(config), false)
            .compose(this::adopt, this::spawnFailed);
    return starting;
  }

  synchronized Future<Void> stop() {
    if (isPending(stopping)) {
      return stopping;
    }
    if (isPending(starting)) {
      return starting.transform(ignored -> stop());
    }
    reconcileExit();
    if (child == null) {
      return Future.succeededFuture();
    }
    stopping = terminate(child);
    return stopping;
  }

  /** Stops the child and refuses any later start. */
  Future<Void> close() {
    synchronized (this) {
      closed = true;
    }
    return stop();
  }

  /** The process to kill when the JVM exits, if one runs. */
  synchronized Optional<ProcessHandle> liveProcess() {
    return child == null ? Optional.empty() : Optional.of(child.handle());
  }

  /** The state when it is known without asking the app; empty when only HTTP can tell. */
  private synchronized Optional<AppState> knownState() {
    reconcileExit();
    if (failed) {
      return Optional.of(AppState.FAILED);
    }
    if (isPending(stopping)) {
      return Optional.of(AppState.STOPPING);
    }
    if (isPending(starting)) {
      return Optional.of(AppState.STARTING);
    }
    return child == null ? Optional.of(AppState.STOPPED) : Optional.empty();
  }

  private ProviderApp describe(AppState state) {
    int web = hasLiveChild() ? 1 : 0;
    return new ProviderApp(
        config.name(),
        config.name(),
        LocalProvider.NAME,
        state,
        Optional.of(upstream),
        Optional.empty(),
        Formation.of(Map.of("web", web)));
  }

  private synchronized boolean hasLiveChild() {
    return child != null && child.isAlive();
  }

  private synchronized Future<Void> adopt(LocalChild spawned) {
    child = spawned;
    LOG.info("local app {} started on port {}", spawned, config.port());
    spawned.onExit(code -> exited(spawned, code));
    new StartWatch(runtime, config, spawned, () -> startTimedOut(spawned)).begin();
    return Future.succeededFuture();
  }

  private synchronized Future<Void> spawnFailed(Throwable cause) {
    failed = true;
    String message = "cannot start local app " + config.name() + ": " + cause.getMessage();
    LOG.warn(message);
    return Future.failedFuture(new ProviderException(LocalProvider.NAME, message, cause));
  }

  private synchronized void startTimedOut(LocalChild timedOut) {
    if (child != timedOut || timedOut.stopRequested()) {
      return;
    }
    LOG.warn(
        "local app {} did not answer on port {} within {}: killing it",
        timedOut,
        config.port(),
        runtime.startTimeout());
    failed = true;
    stopping = terminate(timedOut);
  }

  private Future<Void> terminate(LocalChild target) {
    target.markStopRequested();
    LOG.info("stopping local app {}", target);
    return runtime
        .workers()
        .<Void>executeBlocking(() -> terminateBlocking(target), false)
        .andThen(done -> released(target));
  }

  private Void terminateBlocking(LocalChild target) throws InterruptedException {
    target.terminate(config.stopGrace());
    return null;
  }

  private synchronized void released(LocalChild target) {
    LOG.info("local app {} stopped", target);
    if (child == target && !target.isAlive()) {
      child = null;
    }
  }

  /** Picks up an exit whose onExit callback has not run yet. */
  private void reconcileExit() {
    if (child != null && !child.isAlive()) {
      exited(child, child.exitCode());
    }
  }

  private synchronized void exited(LocalChild gone, int code) {
    if (child != gone) {
      return;
    }
    child = null;
    if (gone.stopRequested()) {
      return;
    }
    failed = code != 0;
    if (failed) {
      LOG.warn("local app {} exited with code {}", gone, code);
    } else {
      LOG.info("local app {} exited", gone);
    }
  }

  private void logFormation(Formation formation) {
    if (!formation.quantities().equals(Formation.DEFAULT.quantities())) {
      LOG.debug(
          "local app {} always runs one process; formation {} is read as one web process",
          config.name(),
          formation.quantities());
    }
  }

  private static boolean isPending(Future<?> future) {
    return future != null && !future.isComplete();
  }
}
