package dev.paastis.testing;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * A real upstream HTTP server on a loopback ephemeral port: {@code /slow?ms=N} answers after N ms,
 * {@code /stream?chunks=N&ms=M} sends its head at once and N events M ms apart, WebSockets echo,
 * {@code /busy} answers {@link #busyStatus} (a busy probe), every other request is echoed as JSON
 * (method, path, query, headers, body length and sha256).
 */
public final class TestUpstream implements AutoCloseable {

  private final Vertx vertx;
  private HttpServer server;
  public final AtomicInteger requests = new AtomicInteger();

  /** Connections accepted, WebSockets' included. */
  public final AtomicInteger connections = new AtomicInteger();

  /** The path of every request received, in order. */
  public final List<String> paths = new CopyOnWriteArrayList<>();

  /** What {@code /busy} answers: 409 or 423 say the app is busy. */
  public final AtomicInteger busyStatus = new AtomicInteger(200);

  private volatile BooleanSupplier serving = () -> true;

  private TestUpstream(Vertx vertx) {
    this.vertx = vertx;
  }

  /** The WebSocket subprotocol the upstream prefers when a client offers several. */
  public static final String SUBPROTOCOL = "graphql-ws";

  public static TestUpstream start(Vertx vertx) throws Exception {
    TestUpstream upstream = new TestUpstream(vertx);
    upstream.server =
        vertx
            .createHttpServer(
                new HttpServerOptions().setWebSocketSubProtocols(List.of(SUBPROTOCOL, "chat.v1")))
            .webSocketHandler(
                ws -> {
                  ws.textMessageHandler(ws::writeTextMessage);
                  ws.binaryMessageHandler(ws::writeBinaryMessage);
                })
            .connectionHandler(connection -> upstream.connections.incrementAndGet())
            .requestHandler(upstream::handle);
    upstream.server.listen(0, "127.0.0.1").await();
    return upstream;
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.actualPort());
  }

  /**
   * Serves HTTP requests only while {@code serving} holds, and answers the others 503 as a
   * platform's router does for an app that does not run (such as {@code () ->
   * provider.serves(upstream.uri())}); always serving by default.
   */
  public void servesWhile(BooleanSupplier serving) {
    this.serving = serving;
  }

  private void handle(HttpServerRequest request) {
    if (!serving.getAsBoolean()) {
      request.response().setStatusCode(503).end("no web process running\n");
      return;
    }
    requests.incrementAndGet();
    paths.add(request.path());
    if (request.path().equals("/stream")) {
      stream(request, Integer.parseInt(request.getParam("chunks", "5")), request.getParam("ms"));
      return;
    }
    if (request.path().equals("/busy")) {
      request.response().setStatusCode(busyStatus.get()).end("busy: " + busyStatus.get() + "\n");
      return;
    }
    if (request.path().equals("/slow")) {
      long ms = Long.parseLong(request.getParam("ms", "500"));
      request.endHandler(end -> vertx.setTimer(ms, id -> request.response().end("slow done")));
      return;
    }
    MessageDigest digest = sha256();
    long[] length = {0};
    request.handler(
        chunk -> {
          digest.update(chunk.getBytes());
          length[0] += chunk.length();
        });
    request.endHandler(
        end -> {
          JsonObject headers = new JsonObject();
          request
              .headers()
              .names()
              .forEach(
                  name ->
                      headers.put(
                          name.toLowerCase(), new JsonArray(request.headers().getAll(name))));
          request
              .response()
              .putHeader("content-type", "application/json")
              .end(
                  new JsonObject()
                      .put("method", request.method().name())
                      .put("path", request.path())
                      .put("query", request.query())
                      .put("headers", headers)
                      .put("bodyLength", length[0])
                      .put("sha256", HexFormat.of().formatHex(digest.digest()))
                      .encode());
        });
  }

  /** A response head at once, then {@code chunks} chunks {@code ms} apart (an SSE-like stream). */
  private void stream(HttpServerRequest request, int chunks, String ms) {
    long interval = Long.parseLong(ms == null ? "200" : ms);
    request.response().setChunked(true).putHeader("content-type", "text/event-stream");
    request.response().writeHead();
    int[] sent = {0};
    vertx.setPeriodic(
        interval,
        id -> {
          sent[0]++;
          request.response().write("data: " + sent[0] + "\n\n");
          if (sent[0] == chunks) {
            vertx.cancelTimer(id);
            request.response().end();
          }
        });
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.close().await();
  }
}
