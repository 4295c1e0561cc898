package dev.paastis.lifecycle;

/** The provider knows the app but reports no URL to forward to. Mapped to 502. */
public final class NotProxiableException extends RuntimeException {

  private final String app;

  public NotProxiableException(String app) {
    super("app " + app + " has no web URL to forward to");
    this.app = app;
  }

  public String app() {
    return app;
  }
}
