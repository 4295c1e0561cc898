package dev.paastis.internal.admin;

import io.vertx.core.Future;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** How the admin routes answer: JSON that no cache keeps, or a problem when the body failed. */
final class Responses {

  private Responses() {}

  static void send(HttpServerResponse response, int status, String contentType, String body) {
    if (response.ended() || response.closed()) {
      return;
    }
    response
        .setStatusCode(status)
        .putHeader("content-type", contentType)
        .putHeader("cache-control", "no-store")
        .end(body);
  }

  static void json(RoutingContext context, int status, JsonObject body) {
    send(context.response(), status, "application/json", body.encode());
  }

  /** The body once it is ready, or the problem its failure stands for. */
  static void json(RoutingContext context, int status, Future<JsonObject> body) {
    body.onSuccess(json -> json(context, status, json))
        .onFailure(failure -> Problem.fail(context, failure));
  }
}
