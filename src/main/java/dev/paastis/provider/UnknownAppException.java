package dev.paastis.provider;

/** The provider does not know the app (deleted, renamed, or never existed). */
public class UnknownAppException extends ProviderException {

  private final String app;

  /**
   * @param provider the name of the provider asked
   * @param app the key it does not know
   */
  public UnknownAppException(String provider, String app) {
    super(provider, "app " + app + " is not known to provider " + provider);
    this.app = app;
  }

  /** The key the provider does not know. */
  public String app() {
    return app;
  }
}
