package com.example.embedded;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.paastis.app.AppState;
import dev.paastis.app.Formation;
import dev.paastis.app.ProviderApp;
import dev.paastis.provider.Deadline;
import dev.paastis.provider.Provider;
import dev.paastis.provider.ProviderException;
import dev.paastis.provider.UnknownAppException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Apps that are HTTP servers in this JVM (the JDK's), each on its own port of 127.0.0.1: starting
 * an app listens, stopping it closes its server. A provider of a real platform would call its API
 * here; as this one blocks, it works on Vert.x's worker threads, never on an event loop.
 */
final class InProcessProvider implements Provider {

  static final String NAME = "in-process";

  private final Vertx vertx;
  private final Map<String, Integer> ports;
  private final Duration operationTimeout;

  /** The servers of the running apps, with the formation each was started with. */
  private final Map<String, Running> running = new ConcurrentHashMap<>();

  private record Running(HttpServer server, Formation formation) {}

  InProcessProvider(Vertx vertx, Map<String, Integer> ports, Duration operationTimeout) {
    this.vertx = vertx;
    this.ports = Map.copyOf(ports);
    this.operationTimeout = operationTimeout;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Future<List<ProviderApp>> list() {
    return Future.succeededFuture(ports.keySet().stream().sorted().map(this::app).toList());
  }

  @Override
  public Future<ProviderApp> status(String key, Deadline deadline) {
    return known(key).map(this::app);
  }

  @Override
  public Future<Void> start(String key, Formation formation, Deadline deadline) {
    // binding a socket blocks: never on an event loop
    return known(key)
        .compose(app -> vertx.executeBlocking(() -> listen(app, formation)))
        .recover(
            failure ->
                failure instanceof ProviderException
                    ? Future.failedFuture(failure)
                    : Future.failedFuture(
                        new ProviderException(
                            NAME,
                            key + " could not listen on port " + ports.get(key) + ": " + failure,
                            failure)));
  }

  private synchronized Void listen(String app, Formation formation) throws IOException {
    if (running.containsKey(app)) {
      return null;
    }
    HttpServer server =
        HttpServer.create(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), ports.get(app)), 0);
    server.createContext("/", exchange -> answer(app, exchange));
    server.start();
    running.put(app, new Running(server, formation.orDefault()));
    return null;
  }

  private static void answer(String app, HttpExchange exchange) throws IOException {
    byte[] body =
        ("Hello from "
                + app
                + ": "
                + exchange.getRequestMethod()
                + " "
                + exchange.getRequestURI()
                + "\n")
            .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("content-type", "text/plain");
    // Paastis asks with HEAD whether a woken app answers: headers only (-1: no body)
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(200, head ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      if (!head) {
        out.write(body);
      }
    }
  }

  @Override
  public Future<Void> stop(String key) {
    return known(key).compose(app -> vertx.executeBlocking(() -> close(app)));
  }

  /** Closes the app's socket at once: the port is free when this returns. */
  private synchronized Void close(String app) {
    Running stopped = running.remove(app);
    if (stopped != null) {
      stopped.server().stop(0);
    }
    return null;
  }

  @Override
  public Duration operationTimeout() {
    return operationTimeout;
  }

  @Override
  public Future<Void> close() {
    return Future.join(running.keySet().stream().map(this::stop).toList()).mapEmpty();
  }

  private Future<String> known(String key) {
    return ports.containsKey(key)
        ? Future.succeededFuture(key)
        : Future.failedFuture(new UnknownAppException(NAME, key));
  }

  private ProviderApp app(String key) {
    Running app = running.get(key);
    return new ProviderApp(
        key,
        key,
        NAME,
        app == null ? AppState.STOPPED : AppState.RUNNING,
        Optional.of(URI.create("http://127.0.0.1:" + ports.get(key))),
        Optional.empty(),
        app == null ? Formation.EMPTY : app.formation());
  }
}
