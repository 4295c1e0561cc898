package dev.paastis.provider.render;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Map;

/**
 * A response of the fake Render before it is written: status, body (JSON, or null for none), extra
 * headers. Errors have Render's shape {@code {"id", "message"}}, but for the 429.
 */
record RenderReply(int status, Object body, Map<String, String> headers) {

  static RenderReply ok(Object body) {
    return new RenderReply(200, body, Map.of());
  }

  /** The 202 of suspend and resume: no body is documented, none is sent. */
  static RenderReply accepted() {
    return new RenderReply(202, null, Map.of());
  }

  static RenderReply error(int status, String id, String message) {
    return new RenderReply(
        status, new JsonObject().put("id", id).put("message", message), Map.of());
  }

  static RenderReply badRequest(String message) {
    return error(400, "bad_request", message);
  }

  static RenderReply unauthorized() {
    return error(401, "unauthorized", "Authorization information is missing or invalid.");
  }

  static RenderReply notFound() {
    return error(404, "not_found", "Unable to find the requested resource.");
  }

  /**
   * The 429 as Render's CLI sees it, {@code {"error": "rate limit exceeded"}}, with the rate-limit
   * headers and the {@code Retry-After} the OpenAPI document declares.
   */
  static RenderReply rateLimited(int retryAfterSeconds) {
    long reset = Instant.now().getEpochSecond() + Math.max(1, retryAfterSeconds);
    return new RenderReply(
        429,
        new JsonObject().put("error", "rate limit exceeded"),
        Map.of(
            "Ratelimit-Limit",
            "400",
            "Ratelimit-Remaining",
            "0",
            "Ratelimit-Reset",
            Long.toString(reset),
            "Retry-After",
            Integer.toString(retryAfterSeconds)));
  }
}
