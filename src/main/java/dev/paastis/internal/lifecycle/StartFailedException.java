package dev.paastis.internal.lifecycle;

/**
 * The provider refused to start the app or reports it failed while starting. Mapped to 503 (the
 * next request tries again).
 */
public final class StartFailedException extends RuntimeException {

  private final String app;

  public StartFailedException(String app, String reason, Throwable cause) {
    super("app " + app + " failed to start: " + reason, cause);
    this.app = app;
  }

  public String app() {
    return app;
  }
}
