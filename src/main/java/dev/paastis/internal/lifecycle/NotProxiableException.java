package dev.paastis.internal.lifecycle;

/**
 * The provider knows the app but requests cannot be forwarded to it: it reports no URL, or it is
 * the app Paastis runs as. Mapped to 502.
 */
public final class NotProxiableException extends RuntimeException {

  private final String app;

  public NotProxiableException(String app) {
    this(app, "app " + app + " has no web URL to forward to");
  }

  private NotProxiableException(String app, String message) {
    super(message);
    this.app = app;
  }

  /** The app Paastis runs as: forwarded to, a request would come back to Paastis. */
  static NotProxiableException ownApp(String app) {
    return new NotProxiableException(
        app,
        "app "
            + app
            + " is the one Paastis runs as: requests are not forwarded to it, they would come back"
            + " to Paastis");
  }

  public String app() {
    return app;
  }
}
