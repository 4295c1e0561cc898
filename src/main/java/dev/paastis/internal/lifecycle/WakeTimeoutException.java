package dev.paastis.internal.lifecycle;

import java.time.Duration;

/**
 * The app was not ready within its provider's operation timeout, whatever held it up: the app
 * itself, or its provider's API. Mapped to 503 with Retry-After.
 */
public final class WakeTimeoutException extends RuntimeException {

  private final String app;

  public WakeTimeoutException(String app, Duration timeout) {
    super("app " + app + " was not ready after " + format(timeout));
    this.app = app;
  }

  /** {@code waitingFor} says what was still awaited, e.g. "heroku to report its state". */
  public WakeTimeoutException(String app, Duration timeout, String waitingFor) {
    super("app " + app + " was not ready after " + format(timeout) + " (" + waitingFor + ")");
    this.app = app;
  }

  public String app() {
    return app;
  }

  private static String format(Duration timeout) {
    long millis = timeout.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
  }
}
