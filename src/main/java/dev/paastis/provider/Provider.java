package dev.paastis.provider;

import dev.paastis.app.Formation;
import dev.paastis.app.ProviderApp;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;

/**
 * A PaaS (or the local machine) that runs apps. Primitive operations only: waiting until an app is
 * ready, one start at a time, hooks, events and metrics live in {@code lifecycle}.
 *
 * <p>Futures may complete on any thread. They fail with {@link ProviderException} (or a subclass
 * such as {@link UnknownAppException}) when the provider refuses or cannot be reached.
 */
public interface Provider {

  /** The name used in configuration and rules: {@code local}, {@code heroku}... */
  String name();

  /** Every app the credentials can see, with its current state. */
  Future<List<ProviderApp>> list();

  /** The current state of one app; fails with {@link UnknownAppException} when it is gone. */
  default Future<ProviderApp> status(String key) {
    return status(key, Deadline.none());
  }

  /**
   * The current state of one app, for a wake: done by the deadline, every API call and retry
   * included; past it, fails with a {@link ProviderException} saying which call got no answer. A
   * provider with no remote API to wait for may ignore it (the lifecycle bounds the wake anyway).
   */
  Future<ProviderApp> status(String key, Deadline deadline);

  /**
   * Asks the provider to run the app with the given formation. Completes when the provider has
   * accepted the request, not when the app is ready.
   */
  default Future<Void> start(String key, Formation formation) {
    return start(key, formation, Deadline.none());
  }

  /** {@link #start(String, Formation)} for a wake, done by the deadline as {@link #status}. */
  Future<Void> start(String key, Formation formation, Deadline deadline);

  /** Asks the provider to stop every process of the app. Idempotent. */
  Future<Void> stop(String key);

  /**
   * How long a start may take before Paastis gives up waiting for the app to be ready (e.g.
   * PROVIDER_HEROKU_OPERATION_TIMEOUT).
   */
  Duration operationTimeout();

  /** Releases what the provider holds (clients, child processes). Idempotent. */
  default Future<Void> close() {
    return Future.succeededFuture();
  }
}
