package dev.paastis.lifecycle;

import java.time.Duration;

/** The app did not become ready within its provider's operation timeout. Mapped to 503. */
public final class WakeTimeoutException extends RuntimeException {

  private final String app;

  public WakeTimeoutException(String app, Duration timeout) {
    super("app " + app + " was not ready after " + timeout.toSeconds() + "s");
    this.app = app;
  }

  public String app() {
    return app;
  }
}
