package dev.paastis.demo;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * {@code GET /sse?count=N&intervalMs=M}: a server-sent event stream of N events {@code data: i} (i
 * from 1 to N), one every M ms, then the end of the response.
 */
final class SseRoute {

  private SseRoute() {}

  static void handle(Vertx vertx, HttpServerRequest req) {
    long count = QueryParams.nonNegative(req, "count", 5);
    long interval = Math.max(1, QueryParams.nonNegative(req, "intervalMs", 1000));
    HttpServerResponse resp = req.response();
    resp.setChunked(true)
        .putHeader(HttpHeaders.CONTENT_TYPE, "text/event-stream")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
    if (count == 0) {
      resp.end();
      return;
    }
    resp.writeHead();
    long[] sent = {0};
    long timer =
        vertx.setPeriodic(
            interval,
            id -> {
              sent[0]++;
              resp.write("data: " + sent[0] + "\n\n");
              if (sent[0] == count) {
                vertx.cancelTimer(id);
                resp.end();
              }
            });
    resp.closeHandler(closed -> vertx.cancelTimer(timer));
  }
}
