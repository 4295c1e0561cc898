package dev.paastis.proxy;

import dev.paastis.admin.SystemApi;
import dev.paastis.app.Rules;
import dev.paastis.config.ProxyTimeouts;
import dev.paastis.config.WakeStrategy;
import dev.paastis.lifecycle.AppLifecycle;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.WebSocketClientOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One proxy server instance on one event loop, with its own client to the upstreams. Several are
 * deployed on the same port; Vert.x spreads the connections among them.
 */
final class ProxyVerticle extends VerticleBase {

  private static final int UPSTREAM_POOL_SIZE = 256;

  private final String host;
  private final int port;
  private final AppLifecycle lifecycle;
  private final Rules rules;
  private final WakeStrategy wakeStrategy;
  private final SystemApi systemApi;
  private final ProxyTimeouts timeouts;
  private final Drain drain;
  private HttpServer server;
  private HttpClient client;

  ProxyVerticle(
      String host,
      int port,
      AppLifecycle lifecycle,
      Rules rules,
      WakeStrategy wakeStrategy,
      SystemApi systemApi,
      ProxyTimeouts timeouts,
      Drain drain) {
    this.host = host;
    this.port = port;
    this.lifecycle = lifecycle;
    this.rules = rules;
    this.wakeStrategy = wakeStrategy;
    this.systemApi = systemApi;
    this.timeouts = timeouts;
    this.drain = drain;
  }

  @Override
  public Future<?> start() {
    client =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setConnectTimeout((int) timeouts.upstreamConnect().toMillis())
                .setKeepAlive(true)
                .setForceSni(true)
                .setVerifyHost(true),
            new PoolOptions().setHttp1MaxSize(UPSTREAM_POOL_SIZE));
    server =
        vertx
            .createHttpServer(
                new HttpServerOptions()
                    .setHost(host)
                    .setPort(port)
                    // Upgrade: h2c is answered as HTTP/1.1: through the h2c upgrade, a chunked
                    // request body reached the upstream empty in our tests (Vert.x 5.0.10)
                    .setHttp2ClearTextEnabled(false)
                    // "*" lets the WebSocket handshake answer with the subprotocol the request
                    // header names, which WebSocketTunnel sets to the upstream's choice
                    .setWebSocketSubProtocols(List.of(WebSocketTunnel.ANY_SUBPROTOCOL))
                    .setMaxInitialLineLength(16 * 1024)
                    .setMaxHeaderSize(32 * 1024))
            // RFC 9112 framing and client timeouts, enforced before Netty's decoder
            .connectionHandler(connection -> FramingGuard.install(connection, timeouts))
            .invalidRequestHandler(RejectedRequests::answer)
            .requestHandler(
                new ProxyRequestHandler(
                    new Forwarder(vertx, client, timeouts),
                    vertx.createWebSocketClient(
                        new WebSocketClientOptions()
                            .setMaxConnections(UPSTREAM_POOL_SIZE)
                            .setVerifyHost(true)
                            .setConnectTimeout((int) timeouts.upstreamConnect().toMillis())),
                    lifecycle,
                    rules,
                    wakeStrategy,
                    systemApi,
                    drain));
    return server.listen();
  }

  /**
   * Vert.x's graceful shutdown: stops accepting, closes idle connections now and busy ones after
   * their response, and closes whatever is left after {@code grace}. Completes once every
   * connection of this instance is closed.
   */
  Future<Void> shutdown(Duration grace) {
    return server.shutdown(grace.toMillis(), TimeUnit.MILLISECONDS);
  }

  int actualPort() {
    return server.actualPort();
  }
}
