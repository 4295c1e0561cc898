package dev.paastis.proxy;

import dev.paastis.config.ProxyTimeouts;
import dev.paastis.lifecycle.Lease;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
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
 * Forwards one HTTP request to an app's upstream and its response back, streaming both bodies with
 * back-pressure (nothing is held in memory). Headers follow {@link ForwardedHeaders}.
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

  Forwarder(Vertx vertx, HttpClient client, ProxyTimeouts timeouts) {
    this.client = client;
    this.connectTimeoutMillis = timeouts.upstreamConnect().toMillis();
    this.responseTimeoutMillis = timeouts.upstreamResponse().toMillis();
    this.deadlines = new ResponseDeadlines(vertx, timeouts.upstreamResponse());
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
              relay(request, incoming);
            })
        .onFailure(failure -> abort(request));
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

  private static void relay(HttpServerRequest request, HttpClientResponse incoming) {
    HttpServerResponse response = request.response();
    if (response.closed()) {
      incoming.request().reset();
      return;
    }
    response.setStatusCode(incoming.statusCode());
    ForwardedHeaders.copyEndToEnd(incoming.headers(), response.headers());
    String length = incoming.getHeader("content-length");
    if (length == null && mayHaveBody(request, incoming)) {
      response.setChunked(true);
    }
    if (isSmall(length)) {
      // one write for a small body; larger ones stream with back-pressure
      incoming.body().onSuccess(response::end).onFailure(failure -> abort(request));
    } else {
      incoming.pipeTo(response).onFailure(failure -> abort(request));
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
  private static void abort(HttpServerRequest request) {
    HttpServerResponse response = request.response();
    if (!response.headWritten()) {
      ErrorResponder.send(request, ProxyError.unreachable(null, "it closed the connection"));
    } else if (!response.ended()) {
      response.reset();
    }
  }
}
