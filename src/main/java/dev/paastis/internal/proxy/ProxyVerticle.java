package dev.paastis.internal.proxy;

import dev.paastis.config.ProxyTimeouts;
import io.netty.handler.ssl.SslContext;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One proxy server instance on one event loop, with its own connections to the upstreams: a Netty
 * pool for the hot path ({@link DirectForwarding}), a Vert.x client for requests held while their
 * app woke, and one for WebSocket tunnels. Several are deployed on the same port; Vert.x spreads
 * the connections among them.
 */
final class ProxyVerticle extends VerticleBase {

  /** Connections per upstream and instance: for requests, and apart for open WebSockets. */
  private static final int UPSTREAM_POOL_SIZE = 256;

  private final String host;
  private final int port;
  private final ProxyParts parts;
  private final ProxyTimeouts timeouts;
  private final Drain drain;
  private final SslContext upstreamTls;
  private HttpServer server;
  private HttpClient client;
  private HttpClient tunnels;
  private UpstreamPool pool;

  /** {@code upstreamTls} checks HTTPS upstreams on the hot path; one for every instance. */
  ProxyVerticle(String host, int port, ProxyParts parts, Drain drain, SslContext upstreamTls) {
    this.host = host;
    this.port = port;
    this.parts = parts;
    this.timeouts = parts.timeouts();
    this.drain = drain;
    this.upstreamTls = upstreamTls;
  }

  @Override
  public Future<?> start() {
    client = vertx.createHttpClient(upstreamOptions(), pool());
    // A WebSocket tunnel holds its upstream connection until it closes: tunnels get a pool of
    // their own, so that open WebSockets never take the connections that requests wait for.
    tunnels = vertx.createHttpClient(upstreamOptions(), pool());
    ResponseDeadlines deadlines = new ResponseDeadlines(vertx, timeouts.upstreamResponse());
    ContextInternal loop = (ContextInternal) context;
    pool =
        new UpstreamPool(
            (VertxInternal) vertx, loop.nettyEventLoop(), timeouts.upstreamConnect(), upstreamTls);
    DirectForwarding direct =
        new DirectForwarding(parts, drain, deadlines, pool, loop.nettyEventLoop());
    server =
        vertx
            .createHttpServer(
                new HttpServerOptions()
                    .setHost(host)
                    .setPort(port)
                    // Upgrade: h2c is answered as HTTP/1.1: through the h2c upgrade, a chunked
                    // request body reached the upstream empty in our tests (Vert.x 5.0.10)
                    .setHttp2ClearTextEnabled(false)
                    // WebSockets pass as bytes: the client and the app agree on extensions, and
                    // Netty's extension handler must not answer the handshake in their place
                    .setPerMessageWebSocketCompressionSupported(false)
                    .setPerFrameWebSocketCompressionSupported(false)
                    .setMaxInitialLineLength(16 * 1024)
                    .setMaxHeaderSize(32 * 1024))
            // RFC 9112 framing and client timeouts, enforced before Netty's decoder
            .connectionHandler(
                connection -> {
                  FramingGuard.install(connection, timeouts, drain::started);
                  direct.install(connection); // the hot path, on Netty
                })
            .invalidRequestHandler(RejectedRequests::answer)
            .requestHandler(
                new ProxyRequestHandler(
                    new Forwarder(client, timeouts, deadlines),
                    tunnels,
                    parts.apps(),
                    parts.rules(),
                    parts.wakeStrategy(),
                    parts.systemRoutes(),
                    drain));
    return server.listen();
  }

  @Override
  public Future<?> stop() {
    pool.close();
    return Future.succeededFuture();
  }

  private HttpClientOptions upstreamOptions() {
    return new HttpClientOptions()
        .setConnectTimeout((int) timeouts.upstreamConnect().toMillis())
        .setKeepAlive(true)
        .setForceSni(true)
        .setVerifyHost(true);
  }

  private static PoolOptions pool() {
    return new PoolOptions().setHttp1MaxSize(UPSTREAM_POOL_SIZE);
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
