package dev.paastis.internal.admin;

/** A request the admin API cannot take; the message names what was wrong and what is accepted. */
final class BadRequestException extends RuntimeException {

  BadRequestException(String message) {
    super(message);
  }
}
