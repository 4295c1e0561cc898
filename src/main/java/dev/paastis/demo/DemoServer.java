package dev.paastis.demo;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.time.Instant;

/** Binds the demo app's routes on the loopback interface. */
final class DemoServer {

  static final String HOST = "127.0.0.1";

  private DemoServer() {}

  /** Listens on {@code port} (0 picks a free one); fails when the port is taken. */
  static Future<HttpServer> start(Vertx vertx, String name, int port) {
    DemoRoutes routes = new DemoRoutes(vertx, name, Instant.now());
    return vertx.createHttpServer().requestHandler(routes).listen(port, HOST);
  }
}
