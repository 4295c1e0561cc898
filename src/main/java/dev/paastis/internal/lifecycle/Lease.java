package dev.paastis.internal.lifecycle;

import dev.paastis.app.ProviderApp;
import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One request (or WebSocket) in flight to a serving app. While any lease is held, the app is not
 * stopped. {@link #release()} is idempotent and may be called from any thread.
 */
public final class Lease {

  private final AppRuntime runtime;
  private final ProviderApp app;
  private final AtomicBoolean released = new AtomicBoolean();

  Lease(AppRuntime runtime, ProviderApp app) {
    this.runtime = runtime;
    this.app = app;
  }

  public ProviderApp app() {
    return app;
  }

  /** Where to forward; present, since only proxiable apps are leased. */
  public URI upstream() {
    return app.upstream().orElseThrow();
  }

  public void release() {
    if (released.compareAndSet(false, true)) {
      runtime.leave();
    }
  }
}
