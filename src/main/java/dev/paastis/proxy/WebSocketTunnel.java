package dev.paastis.proxy;

import dev.paastis.lifecycle.Lease;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketBase;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Passes WebSockets through frame by frame: the upstream WebSocket is opened first (with the
 * forwarding headers), then the client's upgrade is accepted and frames, and the close, are relayed
 * both ways. The app's lease is held until either side closes, so that the app is not put to sleep
 * under an open WebSocket. When the proxy drains, both sides are closed with 1001 (going away).
 */
final class WebSocketTunnel {

  /** Handshake headers the WebSocket client sets itself. */
  private static final Set<String> HANDSHAKE =
      Set.of(
          "host",
          "connection",
          "upgrade",
          "sec-websocket-key",
          "sec-websocket-version",
          "sec-websocket-extensions",
          "sec-websocket-protocol",
          "content-length");

  /** Netty's wildcard: the server's handshake accepts the first subprotocol the request names. */
  static final String ANY_SUBPROTOCOL = "*";

  /** RFC 6455 close code 1001: the server is going down. */
  static final short GOING_AWAY = 1001;

  private final WebSocketClient client;

  WebSocketTunnel(WebSocketClient client) {
    this.client = client;
  }

  /**
   * Completes once both sides are connected; fails when either refused, after answering the client
   * with an error when it still can.
   */
  Future<Void> open(HttpServerRequest request, Lease lease) {
    request.pause(); // the upgrade is accepted once the upstream is connected
    URI upstream = lease.upstream();
    UpstreamOrigin origin = new UpstreamOrigin(upstream);
    WebSocketConnectOptions options =
        new WebSocketConnectOptions()
            .setHost(upstream.getHost())
            .setPort(origin.port())
            .setSsl(origin.ssl())
            .setURI(origin.uri(request.uri()))
            .setSubProtocols(subProtocols(request));
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().addAll(request.headers());
    HANDSHAKE.forEach(headers::remove);
    ForwardedHeaders.apply(headers, request, HostRouting.host(request), upstream);
    headers.forEach(header -> options.addHeader(header.getKey(), header.getValue()));
    return client
        .connect(options)
        .onFailure(
            failure -> {
              lease.release();
              ErrorResponder.send(request, ProxyError.from(failure, lease.app().key()));
            })
        .compose(upstreamSocket -> accept(request, upstreamSocket, lease));
  }

  private static Future<Void> accept(HttpServerRequest request, WebSocket upstream, Lease lease) {
    // The client gets the subprotocol the upstream chose (or none), as if it spoke to the app:
    // with the server's wildcard, the handshake answers with what this header names.
    String chosen = upstream.subProtocol();
    if (chosen == null || chosen.isEmpty()) {
      request.headers().remove("sec-websocket-protocol");
    } else {
      request.headers().set("sec-websocket-protocol", chosen);
    }
    return request
        .toWebSocket()
        .onSuccess(downstream -> relay(downstream, upstream, lease))
        .onFailure(
            failure -> {
              upstream.close();
              lease.release();
            })
        .mapEmpty();
  }

  private static void relay(ServerWebSocket downstream, WebSocket upstream, Lease lease) {
    forward(downstream, upstream, lease);
    forward(upstream, downstream, lease);
    // A WebSocket never ends by itself: when the proxy drains, say "going away" at once rather
    // than hold the stop for the whole grace; the client reconnects to the next instance.
    downstream.shutdownHandler(draining -> downstream.close(GOING_AWAY, "Paastis is restarting"));
    downstream.resume(); // it inherits the pause of the upgrade request
  }

  private static void forward(WebSocketBase from, WebSocketBase to, Lease lease) {
    from.frameHandler(to::writeFrame);
    from.closeHandler(
        closed -> {
          lease.release();
          if (!to.isClosed()) {
            Short status = from.closeStatusCode();
            to.close(status == null ? 1000 : status, from.closeReason());
          }
        });
    from.exceptionHandler(failure -> to.close());
  }

  private static List<String> subProtocols(HttpServerRequest request) {
    String offered = request.getHeader("sec-websocket-protocol");
    return offered == null
        ? List.of()
        : Arrays.stream(offered.split(",")).map(String::trim).filter(p -> !p.isEmpty()).toList();
  }
}
