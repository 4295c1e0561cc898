package dev.paastis.internal.proxy;

import dev.paastis.config.ProxyTimeouts;
import dev.paastis.internal.lifecycle.Lease;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Forwards one HTTP request to an app's upstream and its response back on the Vert.x HTTP client,
 * streaming both bodies with back-pressure (nothing is held in memory). Headers follow {@link
 * ForwardedHeaders}. Serves the requests that reached Vert.x, held while their app woke; requests
 * to an app that serves already take the Netty hot path ({@link DirectExchange}).
 *
 * <p>Written on the Vert.x HTTP client rather than vertx-http-proxy: the library copies every
 * header map twice and formats a Date header per response, which halved the throughput on the
 * benchmark (bench/RESULTS.md).
 */
final class Forwarder {

  /** Bodies up to this size are read whole and written at once. */
  private static final long SMALL_BODY_BYTES = 64 * 1024;

  private final HttpClient client;
  private final long connectTimeoutMillis;
  private final long responseTimeoutMillis;
  private final ResponseDeadlines deadlines;
  private final Map<URI, UpstreamOrigin> origins = new ConcurrentHashMap<>();

  Forwarder(HttpClient client, ProxyTimeouts timeouts, ResponseDeadlines deadlines) {
    this.client = client;
    this.connectTimeoutMillis = timeouts.upstreamConnect().toMillis();
    this.responseTimeoutMillis = timeouts.upstreamResponse().toMillis();
    this.deadlines = deadlines;
  }

  /**
   * Call on the event loop this forwarder was made on (a verticle's). The request must not have
   * been read yet; it is paused until the upstream is connected.
   */
  void forward(HttpServerRequest request, String host, Lease lease) {
    request.pause();
    URI upstream = lease.upstream();
    UpstreamOrigin origin = origins.computeIfAbsent(upstream, UpstreamOrigin::new);
    HttpServerResponse response = request.response();
    Exchange exchange = new Exchange(request, lease.app().key());
    response.endHandler(ended -> lease.release());
    response.closeHandler(
        closed -> {
          lease.release();
          exchange.clientLeft();
        });
    if (isExpectingContinue(request)) {
      // we accept every body: let the client send it without waiting for the upstream
      response.writeContinue();
    }
    RequestOptions options =
        origin
            .options()
            .setMethod(request.method())
            .setURI(origin.uri(request.uri()))
            // also bounds the wait for a free connection of the pool
            .setConnectTimeout(connectTimeoutMillis);
    client
        .request(options)
        .onSuccess(
            opened -> {
              exchange.outgoing = opened;
              send(exchange, host, upstream);
            })
        .onFailure(
            failure ->
                ErrorResponder.send(
                    request, ProxyError.unreachable(lease.app().key(), failure.getMessage())));
  }

  private void send(Exchange exchange, String host, URI upstream) {
    HttpServerRequest request = exchange.request;
    HttpClientRequest outgoing = exchange.outgoing;
    MultiMap headers = outgoing.headers();
    ForwardedHeaders.copyEndToEnd(request.headers(), headers);
    headers.remove("host").remove("expect");
    ForwardedHeaders.apply(headers, request, host, upstream);
    String length = request.getHeader("content-length");
    boolean chunked = length == null && isChunked(request.headers());
    outgoing.setChunked(chunked);
    outgoing
        .response()
        .onSuccess(
            incoming -> {
              exchange.responded();
              relay(request, incoming, exchange.app);
            })
        .onFailure(failure -> abort(request, exchange.app));
    if (chunked || (length != null && !length.equals("0"))) {
      // the app's time to answer counts once it has the whole request
      request.pipeTo(outgoing).onSuccess(sent -> exchange.awaitResponse());
    } else {
      // no body (most GETs): skip the pipe
      outgoing.end();
      request.resume();
      exchange.awaitResponse();
    }
  }

  private static void relay(HttpServerRequest request, HttpClientResponse incoming, String app) {
    HttpServerResponse response = request.response();
    if (response.closed()) {
      incoming.request().reset();
      return;
    }
    String length = incoming.getHeader("content-length");
    if (isSmall(length)) {
      // one write for a small body, head and all once the body is whole: an app that closes
      // before then gets a 502 without its headers
      incoming
          .body()
          .onSuccess(
              body -> {
                writeHead(request, incoming, length);
                response.end(body);
              })
          .onFailure(failure -> abort(request, app));
    } else {
      // larger ones stream with back-pressure; a failed pipe must not end the response as if
      // it were whole: abort() cuts it
      writeHead(request, incoming, length);
      incoming.pipe().endOnFailure(false).to(response).onFailure(failure -> abort(request, app));
    }
  }

  private static void writeHead(
      HttpServerRequest request, HttpClientResponse incoming, String length) {
    HttpServerResponse response = request.response();
    response.setStatusCode(incoming.statusCode());
    ForwardedHeaders.copyEndToEnd(incoming.headers(), response.headers());
    if (length == null && mayHaveBody(request, incoming)) {
      response.setChunked(true);
    }
  }

  private static boolean isSmall(String contentLength) {
    if (contentLength == null || contentLength.length() > 6) {
      return false;
    }
    try {
      return Long.parseLong(contentLength) <= SMALL_BODY_BYTES;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean isChunked(MultiMap headers) {
    String encoding = headers.get("transfer-encoding");
    return encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked");
  }

  private static boolean isExpectingContinue(HttpServerRequest request) {
    String expect = request.getHeader("expect");
    return expect != null && expect.equalsIgnoreCase("100-continue");
  }

  private static boolean mayHaveBody(HttpServerRequest request, HttpClientResponse response) {
    int status = response.statusCode();
    return request.method() != HttpMethod.HEAD && status >= 200 && status != 204 && status != 304;
  }

  /**
   * One request on its way: the upstream request once opened, and whether the app's response head
   * came, which {@link ResponseDeadlines} bounds (UPSTREAM_RESPONSE_TIMEOUT). A body streaming
   * after the head is never cut by it. Event-loop confined.
   */
  private final class Exchange extends ResponseDeadlines.Waiting {
    private final HttpServerRequest request;
    private final String app;
    private HttpClientRequest outgoing;
    private boolean responded;

    Exchange(HttpServerRequest request, String app) {
      this.request = request;
      this.app = app;
    }

    void awaitResponse() {
      if (!responded) {
        deadlines.add(this);
      }
    }

    void responded() {
      responded = true;
      deadlines.remove(this);
    }

    void clientLeft() {
      responded();
      if (outgoing != null) {
        outgoing.reset(); // the client left: free the upstream connection
      }
    }

    @Override
    void expire() {
      // answer first: the reset then fails the response future, whose abort() finds it sent
      ErrorResponder.send(request, ProxyError.gatewayTimeout(app, responseTimeoutMillis));
      outgoing.reset();
    }
  }

  /** The upstream went away mid-exchange: nothing sensible can be sent, so cut the connection. */
  private static void abort(HttpServerRequest request, String app) {
    HttpServerResponse response = request.response();
    if (!response.headWritten()) {
      ErrorResponder.send(request, ProxyError.unreachable(app, "it closed the connection"));
    } else if (!response.ended()) {
      response.reset();
    }
  }
}
