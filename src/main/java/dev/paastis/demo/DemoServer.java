package dev.paastis.demo;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/** Binds the demo app's routes on the loopback interface. */
final class DemoServer {

  static final String HOST = "127.0.0.1";

  private DemoServer() {}

  /** Listens on {@code port} (0 picks a free one); fails when the port is taken. */
  static Future<HttpServer> start(Vertx vertx, String name, int port) {
    return start(vertx, name, port, Optional.empty());
  }

  /** As {@link #start(Vertx, String, int)}, busy ({@code GET /busy}: 423) while busyFile exists. */
  static Future<HttpServer> start(Vertx vertx, String name, int port, Optional<Path> busyFile) {
    DemoRoutes routes = new DemoRoutes(vertx, name, Instant.now(), busyFile);
    return vertx.createHttpServer().requestHandler(routes).listen(port, HOST);
  }
}
