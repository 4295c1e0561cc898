package dev.paastis.demo;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/** Dispatches the demo app's requests by path; the small routes live here. */
final class DemoRoutes implements Handler<HttpServerRequest> {

  private final Vertx vertx;
  private final String name;
  private final Instant startedAt;
  private final Optional<Path> busyFile;
  private final long pid = ProcessHandle.current().pid();
  private final DownloadRoute download = new DownloadRoute();
  private final AtomicBoolean answeredOnce = new AtomicBoolean();

  DemoRoutes(Vertx vertx, String name, Instant startedAt, Optional<Path> busyFile) {
    this.vertx = vertx;
    this.name = name;
    this.startedAt = startedAt;
    this.busyFile = busyFile;
  }

  @Override
  public void handle(HttpServerRequest req) {
    if (!answeredOnce.get() && !req.canUpgradeToWebSocket()) {
      req.response().endHandler(ended -> announceFirstAnswer());
    }
    try {
      route(req);
    } catch (IllegalArgumentException e) {
      req.response().setStatusCode(400).end(e.getMessage() + "\n");
    }
  }

  private void route(HttpServerRequest req) {
    switch (req.path()) {
      case "/" -> index(req);
      case "/health" -> req.response().end("ok");
      case "/echo" -> EchoRoute.handle(req);
      case "/download" -> download.handle(req, QueryParams.nonNegative(req, "bytes", 1024));
      case "/slow" -> slow(req, QueryParams.nonNegative(req, "ms", 1000));
      case "/busy" -> busy(req);
      case "/sse" -> SseRoute.handle(vertx, req);
      case "/ws" -> webSocket(req);
      default -> req.response().setStatusCode(404).end("not found\n");
    }
  }

  /** The moment the app first answered, in epoch ms: bench/run.sh measures the wake from it. */
  private void announceFirstAnswer() {
    if (answeredOnce.compareAndSet(false, true)) {
      System.out.println(
          "DemoApp " + name + " answered its first request at " + System.currentTimeMillis());
    }
  }

  private void index(HttpServerRequest req) {
    long uptime = Duration.between(startedAt, Instant.now()).toSeconds();
    String accept = req.getHeader(HttpHeaders.ACCEPT);
    HttpServerResponse resp = req.response();
    if (accept != null && accept.contains("application/json")) {
      JsonObject about =
          new JsonObject()
              .put("app", name)
              .put("pid", pid)
              .put("startedAt", startedAt.toString())
              .put("uptimeSeconds", uptime);
      resp.putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(about.encode());
      return;
    }
    String html =
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>%s</title></head>"
            + "<body><h1>Hello from %s</h1><p>pid %d, up for %d s</p></body></html>\n";
    String escaped = escapeHtml(name);
    resp.putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
        .end(html.formatted(escaped, escaped, pid, uptime));
  }

  private void slow(HttpServerRequest req, long ms) {
    // setTimer refuses 0; a 1 ms wait stands for "no wait"
    vertx.setTimer(Math.max(1, ms), id -> req.response().end("waited " + ms + " ms\n"));
  }

  /**
   * What a rule's {@code busy_probe} asks: {@code 423 Locked} while the busy file exists (a job is
   * running), {@code 200} otherwise, and always {@code 200} without a busy file.
   */
  private void busy(HttpServerRequest req) {
    if (busyFile.isEmpty()) {
      req.response().end("not busy\n");
      return;
    }
    vertx
        .fileSystem()
        .exists(busyFile.get().toString())
        .onComplete(
            exists -> {
              if (exists.succeeded() && exists.result()) {
                req.response().setStatusCode(423).end("busy\n");
              } else {
                req.response().end("not busy\n");
              }
            });
  }

  private static void webSocket(HttpServerRequest req) {
    if (!req.canUpgradeToWebSocket()) {
      req.response().setStatusCode(400).end("expected a WebSocket upgrade\n");
      return;
    }
    req.toWebSocket().onSuccess(DemoRoutes::echo);
  }

  private static void echo(ServerWebSocket ws) {
    ws.textMessageHandler(ws::writeTextMessage);
    ws.binaryMessageHandler(ws::writeBinaryMessage);
  }

  private static String escapeHtml(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
