package dev.paastis.provider;

/** A provider refused an operation or could not be reached. */
public class ProviderException extends RuntimeException {

  private final String provider;

  public ProviderException(String provider, String message) {
    this(provider, message, null);
  }

  public ProviderException(String provider, String message, Throwable cause) {
    super(message, cause);
    this.provider = provider;
  }

  public String provider() {
    return provider;
  }
}
