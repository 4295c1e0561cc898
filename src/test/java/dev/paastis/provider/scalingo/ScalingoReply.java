package dev.paastis.provider.scalingo;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * A response of the fake before it is written: status, body, extra headers. A {@link String} body
 * is sent as {@code text/plain}, anything else as JSON.
 */
record ScalingoReply(int status, Object body, Map<String, String> headers) {

  static ScalingoReply ok(Object body) {
    return new ScalingoReply(200, body, Map.of());
  }

  /** {@code {"error":message}}, the shape of 400, 401, 409, 500 (PROVIDERS.md §2, Errors). */
  static ScalingoReply error(int status, String message) {
    return new ScalingoReply(status, new JsonObject().put("error", message), Map.of());
  }

  static ScalingoReply notFound(String resource) {
    return new ScalingoReply(
        404, new JsonObject().put("resource", resource).put("error", "not found"), Map.of());
  }

  static ScalingoReply endpointNotFound() {
    return error(404, "not found");
  }

  /** {@code {"errors":{field:[message]}}}, the 422 of a validation error. */
  static ScalingoReply invalid(String field, String message) {
    return new ScalingoReply(
        422,
        new JsonObject().put("errors", new JsonObject().put(field, new JsonArray().add(message))),
        Map.of());
  }

  static ScalingoReply unauthenticated() {
    return error(401, "not authenticated");
  }

  /** The documented 429: a plain-text {@code Retry later}. */
  static ScalingoReply rateLimitedText() {
    return new ScalingoReply(429, "Retry later", Map.of());
  }

  /** The 429 as the Go client parses it: {@code {"error","code"}}. */
  static ScalingoReply rateLimitedJson() {
    return new ScalingoReply(
        429,
        new JsonObject().put("error", "rate limit exceeded").put("code", "rate_limit_exceeded"),
        Map.of());
  }
}
