package dev.paastis.internal.lifecycle;

import dev.paastis.provider.CredentialsRejectedException;
import dev.paastis.provider.ProviderException;
import dev.paastis.provider.UnknownAppException;
import dev.paastis.registry.RegistryUnavailableException;
import java.util.Optional;

/**
 * The one table from domain failures to HTTP statuses, read by the proxy and the admin API alike,
 * so that a failure gets the same status at both edges. Why each status: docs/decisions.md,
 * "Failure statuses". What is not a domain failure is for each edge to answer (the proxy: an
 * upstream that could not be reached, 502; the admin API: an internal error, 500).
 */
public enum FailureStatus {
  /** No provider knows the app. */
  APP_NOT_FOUND(404, false),
  /** Not ready within the operation timeout, or the start failed: the next try may succeed. */
  NOT_READY(503, true),
  /** A provider API fault (a 5xx, no answer, a 429 past the deadline): transient as well. */
  PROVIDER_UNAVAILABLE(503, true),
  /** The registry shared by the instances (Redis) cannot be reached: transient too. */
  REGISTRY_UNAVAILABLE(503, true),
  /** The provider rejects Paastis's credentials: retrying will not help, an operator must. */
  CREDENTIALS_REJECTED(502, false),
  /** The provider reports no web URL for the app. */
  NOT_PROXIABLE(502, false);

  /** Sent as Retry-After with the statuses where retrying may help. */
  public static final int RETRY_AFTER_SECONDS = 5;

  private final int status;
  private final boolean retryable;

  FailureStatus(int status, boolean retryable) {
    this.status = status;
    this.retryable = retryable;
  }

  public int status() {
    return status;
  }

  /** Whether the answer carries {@code Retry-After}: {@link #RETRY_AFTER_SECONDS}. */
  public boolean retryable() {
    return retryable;
  }

  /** The row of a failure, or empty when it is no domain failure. */
  public static Optional<FailureStatus> of(Throwable failure) {
    if (failure instanceof AppNotFoundException || failure instanceof UnknownAppException) {
      return Optional.of(APP_NOT_FOUND);
    }
    if (failure instanceof WakeTimeoutException || failure instanceof StartFailedException) {
      return Optional.of(NOT_READY);
    }
    if (failure instanceof CredentialsRejectedException) {
      return Optional.of(CREDENTIALS_REJECTED);
    }
    if (failure instanceof ProviderException) {
      return Optional.of(PROVIDER_UNAVAILABLE);
    }
    if (failure instanceof RegistryUnavailableException) {
      return Optional.of(REGISTRY_UNAVAILABLE);
    }
    if (failure instanceof NotProxiableException) {
      return Optional.of(NOT_PROXIABLE);
    }
    return Optional.empty();
  }
}
