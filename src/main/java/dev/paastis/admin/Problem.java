package dev.paastis.admin;

import dev.paastis.lifecycle.AppNotFoundException;
import dev.paastis.lifecycle.NotProxiableException;
import dev.paastis.lifecycle.StartFailedException;
import dev.paastis.lifecycle.WakeTimeoutException;
import dev.paastis.provider.ProviderException;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An error of the admin API, written as {@code application/problem+json} (RFC 9457). */
record Problem(int status, String detail) {

  private static final Logger LOG = LoggerFactory.getLogger(Problem.class);

  /** The problem a failure of the engine stands for. */
  static Problem of(Throwable failure) {
    if (failure instanceof BadRequestException) {
      return new Problem(400, failure.getMessage());
    }
    if (failure instanceof AppNotFoundException) {
      return new Problem(404, failure.getMessage());
    }
    if (failure instanceof NotProxiableException) {
      return new Problem(409, failure.getMessage());
    }
    if (failure instanceof WakeTimeoutException) {
      return new Problem(504, failure.getMessage());
    }
    if (failure instanceof StartFailedException || failure instanceof ProviderException) {
      return new Problem(502, failure.getMessage());
    }
    LOG.warn("admin API request failed", failure);
    return new Problem(500, "internal error: " + failure);
  }

  static void fail(RoutingContext context, Throwable failure) {
    of(failure).send(context.response());
  }

  void send(HttpServerResponse response) {
    JsonObject body =
        new JsonObject()
            .put("type", "about:blank")
            .put("title", HttpResponseStatus.valueOf(status).reasonPhrase())
            .put("status", status)
            .put("detail", detail);
    Responses.send(response, status, "application/problem+json", body.encode());
  }
}
