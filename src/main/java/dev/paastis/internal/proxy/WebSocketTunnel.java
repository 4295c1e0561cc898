package dev.paastis.internal.proxy;

import dev.paastis.internal.lifecycle.Lease;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.NetSocket;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passes WebSockets through as bytes. The client's upgrade request goes to the upstream as it came
 * (forwarding headers added, Host rewritten); when the upstream switches protocols, the client gets
 * its 101 and the two connections are spliced by {@link Splice}. Nothing reads the frames, so
 * Paastis adds no frame or message size limit, and the extensions (permessage-deflate) and the
 * subprotocol are agreed between the client and the app.
 *
 * <p>An upstream that answers anything but 101 has its answer relayed, then the client connection
 * is closed: a refused upgrade leaves nothing to reuse it for. The app's lease is held until the
 * tunnel closes, so that the app is not put to sleep under an open WebSocket.
 */
final class WebSocketTunnel {

  private static final Logger LOG = LoggerFactory.getLogger(WebSocketTunnel.class);

  private final HttpClient client;

  /** {@code client} is used for tunnels only: each holds its pooled connection until it closes. */
  WebSocketTunnel(HttpClient client) {
    this.client = client;
  }

  /**
   * Completes, on the request's event loop, once the client got the upstream's 101; fails when the
   * upstream was unreachable or refused, after the client was answered and its connection closed.
   * The request must not have been read yet.
   */
  Future<Void> open(HttpServerRequest request, String host, Lease lease) {
    request.pause(); // the client sends nothing before its 101 but the end of the request
    URI upstream = lease.upstream();
    UpstreamOrigin origin = new UpstreamOrigin(upstream);
    RequestOptions options =
        origin.options().setMethod(HttpMethod.GET).setURI(origin.uri(request.uri()));
    Promise<Void> opened = Promise.promise();
    client
        .request(options)
        .onSuccess(outgoing -> handshake(request, outgoing, host, lease, opened))
        .onFailure(failure -> unreachable(request, lease, failure, opened));
    return opened.future();
  }

  private static void handshake(
      HttpServerRequest request,
      HttpClientRequest outgoing,
      String host,
      Lease lease,
      Promise<Void> opened) {
    request.response().closeHandler(left -> outgoing.reset());
    // a tunnel's request never ends: its connection closing is how a tunnel ends
    outgoing.exceptionHandler(failure -> LOG.debug("WebSocket upstream: {}", failure.toString()));
    copyHandshake(request, outgoing.headers(), host, lease.upstream());
    // answered in connect()'s own callback: the app's first bytes may follow its 101 at once
    outgoing
        .connect()
        .onComplete(
            answer -> {
              if (answer.failed()) {
                unreachable(request, lease, answer.cause(), opened);
              } else if (answer.result().statusCode() == 101) {
                switchProtocols(request, answer.result(), lease, opened);
              } else {
                refuse(request, answer.result(), lease, opened);
              }
            });
  }

  /** The handshake goes end to end; Connection and Upgrade are kept for this one hop as well. */
  private static void copyHandshake(
      HttpServerRequest request, MultiMap headers, String host, URI upstream) {
    ForwardedHeaders.copyEndToEnd(request.headers(), headers);
    // Host comes from the upstream URL; an upgrade request carries no body to announce
    headers.remove("host").remove("content-length");
    ForwardedHeaders.apply(headers, request, host, upstream);
    // exactly "Upgrade": the Vert.x client only switches to raw bytes on this value, and browsers
    // may send "keep-alive, Upgrade"
    headers.set("connection", "Upgrade").set("upgrade", request.getHeader("upgrade"));
  }

  private static void switchProtocols(
      HttpServerRequest request, HttpClientResponse answer, Lease lease, Promise<Void> opened) {
    NetSocket app = answer.netSocket().pause(); // held until the client's socket is ready
    HttpServerResponse response = request.response();
    // toNetSocket() writes the 101 with the response's headers as they are
    ForwardedHeaders.copyEndToEnd(answer.headers(), response.headers());
    response.putHeader("connection", "Upgrade").putHeader("upgrade", answer.getHeader("upgrade"));
    request
        .toNetSocket()
        .onSuccess(
            client -> {
              Splice.between(client, app, lease);
              opened.complete();
            })
        .onFailure(
            failure -> {
              app.close();
              lease.release();
              opened.fail(failure);
            });
  }

  private static void refuse(
      HttpServerRequest request, HttpClientResponse answer, Lease lease, Promise<Void> opened) {
    HttpServerResponse response = request.response();
    HttpClientRequest outgoing = answer.request();
    response.setStatusCode(answer.statusCode()).setStatusMessage(answer.statusMessage());
    ForwardedHeaders.copyEndToEnd(answer.headers(), response.headers());
    closeAfterResponse(request);
    request.resume();
    int status = answer.statusCode();
    if (answer.getHeader("content-length") == null && status != 204 && status != 304) {
      response.setChunked(true);
    }
    answer
        .pipeTo(response)
        .onComplete(
            relayed -> {
              // this upstream connection was opened for an upgrade; it is not worth pooling
              outgoing.connection().close();
              lease.release();
              if (relayed.failed() && !response.ended()) {
                request.connection().close();
              }
              opened.fail("the upstream refused the upgrade with " + status);
            });
  }

  private static void unreachable(
      HttpServerRequest request, Lease lease, Throwable failure, Promise<Void> opened) {
    lease.release();
    closeAfterResponse(request);
    ErrorResponder.send(request, ProxyError.from(failure, lease.app().key()));
    opened.fail(failure);
  }

  /** Vert.x keeps an HTTP/1.1 connection open whatever the response says: close it ourselves. */
  private static void closeAfterResponse(HttpServerRequest request) {
    HttpServerResponse response = request.response();
    response.putHeader("connection", "close");
    // closing flushes what end() wrote before
    response.endHandler(ended -> request.connection().close());
  }
}
