package dev.paastis.internal.admin;

import dev.paastis.internal.lifecycle.FailureStatus;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An error of the admin API, written as {@code application/problem+json} (RFC 9457).
 *
 * @param retryAfterSeconds sent as Retry-After when present
 */
record Problem(int status, String detail, Optional<Integer> retryAfterSeconds) {

  private static final Logger LOG = LoggerFactory.getLogger(Problem.class);

  Problem(int status, String detail) {
    this(status, detail, Optional.empty());
  }

  /**
   * The problem a failure of the engine stands for: the status of a domain failure comes from
   * {@link FailureStatus}, the table the proxy reads too. Anything else is an internal error,
   * logged with a short random id that the body gives instead of the exception's text.
   */
  static Problem of(Throwable failure) {
    if (failure instanceof BadRequestException) {
      return new Problem(400, failure.getMessage());
    }
    Optional<FailureStatus> known = FailureStatus.of(failure);
    if (known.isPresent()) {
      FailureStatus row = known.get();
      Optional<Integer> retryAfter =
          row.retryable() ? Optional.of(FailureStatus.RETRY_AFTER_SECONDS) : Optional.empty();
      return new Problem(row.status(), failure.getMessage(), retryAfter);
    }
    String id = String.format("%08x", ThreadLocalRandom.current().nextInt());
    LOG.warn("admin API request failed (id {})", id, failure);
    return new Problem(500, "internal error; see the log, id " + id);
  }

  static void fail(RoutingContext context, Throwable failure) {
    of(failure).send(context.response());
  }

  void send(HttpServerResponse response) {
    if (response.ended() || response.closed()) {
      return;
    }
    JsonObject body =
        new JsonObject()
            .put("type", "about:blank")
            .put("title", HttpResponseStatus.valueOf(status).reasonPhrase())
            .put("status", status)
            .put("detail", detail);
    retryAfterSeconds.ifPresent(
        seconds -> response.putHeader("retry-after", Integer.toString(seconds)));
    Responses.send(response, status, "application/problem+json", body.encode());
  }
}
