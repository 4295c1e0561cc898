package dev.paastis.cli;

/**
 * A call to the admin API that did not succeed: no connection, a refused token, an error answer.
 * The message is one line for the user; it never holds the token. Paastis exits with code 1.
 */
final class AdminApiException extends RuntimeException {

  AdminApiException(String message) {
    super(message);
  }
}
