package dev.paastis.internal.lifecycle;

import dev.paastis.app.AppState;
import dev.paastis.app.ProviderApp;
import dev.paastis.events.EventType;
import dev.paastis.provider.Provider;
import dev.paastis.registry.ManagedApp;
import io.vertx.core.Future;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts apps to sleep: never while a request or WebSocket holds a {@link Lease} on it or a wake is
 * under way; the formation saved before the stop, to restore at the next start; hooks and events.
 * Futures complete on Vert.x threads.
 */
public final class Stopper {

  private static final Logger LOG = LoggerFactory.getLogger(Stopper.class);

  private final LifecycleContext context;
  private final AppCatalog catalog;

  Stopper(LifecycleContext context, AppCatalog catalog) {
    this.context = context;
    this.catalog = catalog;
  }

  /**
   * Stops an app unless a request or WebSocket is in flight to it or a wake is under way. Completes
   * with true when it stopped the app, false when it left it running.
   */
  public Future<Boolean> stop(String key, StopReason reason) {
    if (isOwnApp(key)) {
      LOG.warn("app {} is the one Paastis runs as: not stopped ({})", key, reason.value());
      return Future.succeededFuture(false);
    }
    AppRuntime runtime = catalog.runtime(key);
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
      Future<Boolean> stop = claimed(runtime, reason);
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

  /** Whether Paastis runs as the app its providers list under that key. */
  public boolean isOwnApp(String key) {
    return catalog.get(key).map(context.ignored()::isOwnApp).orElse(false);
  }

  /** Without the claim, another instance stops or wakes the app: this one leaves it. */
  private Future<Boolean> claimed(AppRuntime runtime, StopReason reason) {
    return context
        .tracker()
        .claimStop(runtime.key)
        .compose(
            claim -> {
              if (!claim.granted()) {
                runtime.state = AppState.UNKNOWN;
                return Future.succeededFuture(false);
              }
              return doStop(runtime, reason).andThen(done -> claim.release());
            });
  }

  private Future<Boolean> doStop(AppRuntime runtime, StopReason reason) {
    String key = runtime.key;
    return providerOf(key)
        .compose(
            provider ->
                context
                    .hooks()
                    .run(HookPhase.BEFORE_STOP, key, provider.name())
                    .compose(ignored -> provider.status(key))
                    .compose(current -> saveFormation(current).map(current))
                    .compose(current -> provider.stop(key).map(current))
                    .map(current -> stopped(runtime, current, provider, reason)))
        .onFailure(
            failure -> {
              runtime.state = AppState.UNKNOWN;
              LOG.warn("app {} could not be stopped: {}", key, AppLifecycle.message(failure));
            });
  }

  private boolean stopped(
      AppRuntime runtime, ProviderApp current, Provider provider, StopReason reason) {
    String key = runtime.key;
    runtime.app = current.withState(AppState.STOPPED);
    runtime.state = AppState.STOPPED;
    LOG.info("app {} stopped ({})", key, reason.value());
    context.metrics().appStopped(key, reason);
    context
        .events()
        .record(EventType.APP_STOPPED, key, provider.name(), Map.of("reason", reason.value()));
    context.hooks().run(HookPhase.AFTER_STOP, key, provider.name());
    return true;
  }

  private Future<Void> saveFormation(ProviderApp current) {
    return context
        .tracker()
        .saveFormation(current.key(), current.formation(), context.clock().instant());
  }

  private Future<Provider> providerOf(String key) {
    Optional<String> name = catalog.get(key).map(ProviderApp::provider);
    Future<Optional<String>> fromRegistry =
        name.isPresent()
            ? Future.succeededFuture(name)
            : context.registry().get(key).map(entry -> entry.map(ManagedApp::provider));
    return fromRegistry.compose(
        providerName ->
            providerName
                .flatMap(context.providers()::byName)
                .map(Future::succeededFuture)
                .orElseGet(() -> Future.failedFuture(new AppNotFoundException(key))));
  }
}
