package dev.paastis.provider;

/** The provider does not know the app (deleted, renamed, or never existed). */
public class UnknownAppException extends ProviderException {

  private final String app;

  public UnknownAppException(String provider, String app) {
    super(provider, "app " + app + " is not known to provider " + provider);
    this.app = app;
  }

  public String app() {
    return app;
  }
}
