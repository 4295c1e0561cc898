package dev.paastis.registry;

/**
 * A shared registry could not be reached (Redis down, the network cut). Transient: Paastis answers
 * 503 with Retry-After to a request that needs it, and decides nothing on state it could not read.
 */
public final class RegistryUnavailableException extends RuntimeException {

  public RegistryUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
