package dev.paastis.demo;

import io.vertx.core.http.HttpServerRequest;

/** Reads the demo app's numeric query parameters. */
final class QueryParams {

  private QueryParams() {}

  /**
   * The parameter as a number >= 0, or {@code fallback} when absent; {@link
   * IllegalArgumentException} naming the parameter otherwise.
   */
  static long nonNegative(HttpServerRequest req, String name, long fallback) {
    String value = req.getParam(name);
    if (value == null) {
      return fallback;
    }
    try {
      long parsed = Long.parseLong(value);
      if (parsed >= 0) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(name + " must be a number >= 0, got " + value);
  }
}
