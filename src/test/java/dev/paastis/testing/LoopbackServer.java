package dev.paastis.testing;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.net.URI;

/** A real HTTP server on 127.0.0.1 and a free port, as the fakes of the providers' APIs run. */
public final class LoopbackServer implements AutoCloseable {

  private final HttpServer server;

  private LoopbackServer(HttpServer server) {
    this.server = server;
  }

  public static LoopbackServer start(Vertx vertx, Handler<HttpServerRequest> handler) {
    HttpServer server = vertx.createHttpServer().requestHandler(handler);
    server.listen(0, "127.0.0.1").await();
    return new LoopbackServer(server);
  }

  public int port() {
    return server.actualPort();
  }

  /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
  public URI uri() {
    return URI.create("http://127.0.0.1:" + port());
  }

  @Override
  public void close() {
    server.close().await();
  }
}
