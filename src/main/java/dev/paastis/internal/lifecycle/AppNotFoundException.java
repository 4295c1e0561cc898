package dev.paastis.internal.lifecycle;

/** No configured provider knows an app of this name. Mapped to 404 at the edge. */
public final class AppNotFoundException extends RuntimeException {

  private final String app;

  public AppNotFoundException(String app) {
    super("no provider knows an app named " + app);
    this.app = app;
  }

  public String app() {
    return app;
  }
}
