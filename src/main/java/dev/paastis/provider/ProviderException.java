package dev.paastis.provider;

/** A provider refused an operation or could not be reached. */
public class ProviderException extends RuntimeException {

  private final String provider;

  /**
   * @param provider the name of the provider that failed
   * @param message what failed, for the log and the error page
   */
  public ProviderException(String provider, String message) {
    this(provider, message, null);
  }

  /** {@link #ProviderException(String, String)} with the failure that caused it. */
  public ProviderException(String provider, String message, Throwable cause) {
    super(message, cause);
    this.provider = provider;
  }

  /** The name of the provider that failed. */
  public String provider() {
    return provider;
  }
}
