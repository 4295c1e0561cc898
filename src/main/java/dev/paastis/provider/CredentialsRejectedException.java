package dev.paastis.provider;

/** The provider refused the configured credentials (HTTP 401/403): a configuration mistake. */
public class CredentialsRejectedException extends ProviderException {

  public CredentialsRejectedException(String provider, String message) {
    super(provider, message);
  }
}
