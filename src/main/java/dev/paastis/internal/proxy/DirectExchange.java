package dev.paastis.internal.proxy;

import dev.paastis.internal.lifecycle.Lease;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.vertx.core.MultiMap;
import io.vertx.core.http.impl.headers.HeadersAdaptor;
import io.vertx.core.http.impl.headers.HeadersMultiMap;
import java.util.ArrayList;
import java.util.List;

/**
 * One request forwarded on Netty to an app that was already serving, and its response relayed back:
 * the hot path. Bodies stream both ways with back-pressure (a side that cannot take more stops the
 * other side's reads); headers follow {@link ForwardedHeaders}, as on the Vert.x path.
 *
 * <ul>
 *   <li>The upstream connection comes from the event loop's {@link UpstreamPool}; until it is
 *       there, what the client sends is held and its reads stop.
 *   <li>A kept-alive connection the app closed just before it was reused fails a bodyless request
 *       before any answer: it is sent again, once, on a new connection, as the Vert.x client did.
 *   <li>No response head within UPSTREAM_RESPONSE_TIMEOUT of the whole request: 504. An upstream
 *       that cannot be reached, or closes before its head: 502. One that closes mid-body: the
 *       client connection is cut, since its response cannot be completed.
 *   <li>The client leaving closes the upstream connection: the app stops working for nobody.
 * </ul>
 *
 * <p>The lease is released once, when the exchange ends whichever way. Event-loop confined.
 */
final class DirectExchange extends ResponseDeadlines.Waiting {

  private final ClientConnection client;
  private final DirectForwarding shared;
  private final HttpRequest request;
  private final Lease lease;
  private final String app;
  private final String countedAs;
  private final UpstreamOrigin origin;
  private final long startedNanos;
  private final HttpRequest outgoing;
  private final boolean bodyless;
  private final boolean clientKeepsAlive;
  private final List<HttpContent> held = new ArrayList<>(2);

  private Channel upstream;
  private UpstreamConnection upstreamHandler;
  private boolean reusedConnection;
  private boolean retried;
  private boolean connecting;
  private boolean requestComplete;
  private boolean responseBegun;
  private boolean skippingInformational;
  private boolean upstreamReusable;
  private boolean closeClientAfter;
  private boolean ended;
  private int status;
  private ChannelFuture lastWrite;

  DirectExchange(
      ClientConnection client,
      DirectForwarding shared,
      HttpRequest request,
      MultiMap incoming,
      String host,
      String countedAs,
      Lease lease,
      UpstreamOrigin origin) {
    this.client = client;
    this.shared = shared;
    this.request = request;
    this.lease = lease;
    this.app = lease.app().key();
    this.countedAs = countedAs;
    this.origin = origin;
    this.startedNanos = System.nanoTime();
    this.clientKeepsAlive = HttpUtil.isKeepAlive(request);
    // not validated again: every name and value comes from a decoder that checked it
    HeadersMultiMap headers = HeadersMultiMap.caseInsensitive();
    ForwardedHeaders.copyEndToEnd(incoming, headers);
    headers.remove("host").remove("expect");
    headers.set(HttpHeaderNames.HOST, origin.hostHeader());
    ForwardedHeaders.apply(headers, client.remoteAddress(), "http", host, origin.upstream());
    boolean chunked =
        !HttpUtil.isContentLengthSet(request) && HttpUtil.isTransferEncodingChunked(request);
    if (chunked) {
      headers.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
    }
    this.bodyless = !chunked && HttpUtil.getContentLength(request, 0L) == 0;
    this.outgoing =
        new DefaultHttpRequest(
            HttpVersion.HTTP_1_1, request.method(), origin.uri(request.uri()), headers);
  }

  void start() {
    if (HttpUtil.is100ContinueExpected(request)) {
      // every body is accepted: let the client send it without waiting for the upstream
      client.writeAndFlush(DirectErrors.continueResponse());
    }
    acquire(shared.pool().takeIdle(origin.endpoint()));
  }

  private void acquire(Channel idle) {
    if (idle != null) {
      reusedConnection = true;
      attach(idle);
      return;
    }
    reusedConnection = false;
    connecting = true;
    ChannelFuture connected = shared.pool().connect(origin.endpoint());
    connected.addListener(
        done -> {
          connecting = false;
          if (ended) {
            if (done.isSuccess()) {
              connected.channel().close();
            }
          } else if (done.isSuccess()) {
            attach(connected.channel());
          } else {
            fail(ProxyError.unreachable(app, reason(done.cause())));
          }
          client.updateReading();
        });
  }

  private void attach(Channel channel) {
    upstream = channel;
    upstreamHandler = (UpstreamConnection) channel.pipeline().get(UpstreamConnection.NAME);
    upstreamHandler.serve(this);
    if (!channel.config().isAutoRead()) {
      // its last exchange may have ended while its client was slow
      channel.config().setAutoRead(true);
    }
    upstream.write(outgoing, upstream.voidPromise());
    for (HttpContent content : held) {
      upstream.write(content, upstream.voidPromise());
    }
    held.clear();
    upstream.flush();
    if (requestComplete) {
      shared.deadlines().add(this);
    }
  }

  /** A part of the request's body (the last one ends it). */
  void requestContent(HttpContent content) {
    boolean last = content instanceof LastHttpContent;
    if (last) {
      requestComplete = true;
    }
    if (ended) {
      content.release(); // answered already (an error): the rest of the body is not needed
    } else if (upstream == null) {
      held.add(content);
    } else {
      upstream.writeAndFlush(content, upstream.voidPromise());
      if (last) {
        // the app's time to answer counts once it has the whole request
        shared.deadlines().add(this);
      }
    }
  }

  boolean requestComplete() {
    return requestComplete;
  }

  /** Whether the client's reads may go on: the upstream is there and takes more. */
  boolean takesMoreBody() {
    return ended || (!connecting && upstream != null && upstream.isWritable());
  }

  void responseHead(HttpResponse response) {
    int code = response.status().code();
    if (code < 200 && code != 101) {
      skippingInformational = true; // 100 and 103: the client got its 100 from us already
      return;
    }
    shared.deadlines().remove(this);
    if (code == 101) {
      upstreamFailed("it switched protocols on a request that did not ask to");
      return;
    }
    responseBegun = true;
    status = code;
    HeadersMultiMap headers = HeadersMultiMap.caseInsensitive();
    ForwardedHeaders.copyEndToEnd(new HeadersAdaptor(response.headers()), headers);
    boolean lengthKnown = HttpUtil.isContentLengthSet(response);
    boolean chunked = !lengthKnown && HttpUtil.isTransferEncodingChunked(response);
    boolean mayHaveBody = mayHaveBody(code);
    if (!lengthKnown && mayHaveBody) {
      headers.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
    }
    // a body that ends when the app closes leaves nothing to reuse
    upstreamReusable = HttpUtil.isKeepAlive(response) && (lengthKnown || chunked || !mayHaveBody);
    if (!clientKeepsAlive) {
      headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    }
    DefaultHttpResponse relayed =
        new DefaultHttpResponse(HttpVersion.HTTP_1_1, response.status(), headers);
    client.write(relayed);
    // the drain may have said Connection: close on its way out (ResponseWatcher)
    closeClientAfter = !clientKeepsAlive || closesConnection(headers);
  }

  private boolean mayHaveBody(int code) {
    return !request.method().equals(HttpMethod.HEAD) && code != 204 && code != 304;
  }

  private static boolean closesConnection(HttpHeaders headers) {
    String connection = headers.get(HttpHeaderNames.CONNECTION);
    return connection != null && ForwardedHeaders.namesHeader(connection, "close");
  }

  void responseContent(HttpContent content) {
    boolean last = content instanceof LastHttpContent;
    if (skippingInformational) {
      content.release();
      skippingInformational = !last;
      return;
    }
    if (!responseBegun || ended) {
      content.release();
      return;
    }
    if (!last) {
      client.write(content);
      if (!client.isWritable()) {
        upstream.config().setAutoRead(false); // the client reads slower than the app writes
      }
      return;
    }
    lastWrite = client.writeAndFlush(content);
    Channel used = upstream;
    detachUpstream();
    if (upstreamReusable && requestComplete) {
      shared.pool().giveBack(origin.endpoint(), used);
    } else {
      used.close(); // the app has more to read, or nothing to reuse
    }
    end(true);
  }

  void flushToClient() {
    if (!ended) {
      client.flush();
    }
  }

  void upstreamWritabilityChanged() {
    client.updateReading();
  }

  void clientWritabilityChanged(boolean writable) {
    if (writable && upstream != null) {
      upstream.config().setAutoRead(true);
    }
  }

  /** The upstream connection closed before the response ended. */
  void upstreamClosed(Throwable failure) {
    upstream = null;
    upstreamHandler = null;
    if (ended) {
      return;
    }
    if (!responseBegun && reusedConnection && bodyless && !retried) {
      // the app closed a kept-alive connection as it was reused: nothing reached it, send again
      retried = true;
      shared.deadlines().remove(this);
      held.add(LastHttpContent.EMPTY_LAST_CONTENT); // the only part of a bodyless request
      acquire(null);
      return;
    }
    upstreamFailed(failure == null ? "it closed the connection" : reason(failure));
  }

  private void upstreamFailed(String reason) {
    if (responseBegun) {
      // part of the response is out: it cannot be completed, so the client must see it cut
      closeClientAfter = true;
      closeUpstream();
      end(false);
      return;
    }
    fail(ProxyError.unreachable(app, reason));
  }

  /** UPSTREAM_RESPONSE_TIMEOUT passed without a response head. */
  @Override
  void expire() {
    if (!ended && !responseBegun) {
      fail(ProxyError.gatewayTimeout(app, shared.responseTimeoutMillis()));
    }
  }

  /** Answers the client with {@code error} in place of the app's response. */
  private void fail(ProxyError error) {
    closeUpstream();
    status = error.status();
    responseBegun = true;
    HttpResponse response =
        DirectErrors.response(error, request.method(), request.headers().get("accept"));
    if (!clientKeepsAlive) {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    }
    lastWrite = client.writeAndFlush(response);
    closeClientAfter = !clientKeepsAlive || closesConnection(response.headers());
    end(true);
  }

  /**
   * The request's body broke its framing: the app got only part of it, so its connection is closed,
   * and so is the client's (which was told why when it could be).
   */
  void requestBroken() {
    if (ended) {
      return;
    }
    requestComplete = true;
    closeClientAfter = true;
    closeUpstream();
    end(false);
  }

  /** The client connection closed: the app's work is for nobody. */
  void clientLeft() {
    if (ended) {
      return;
    }
    closeUpstream();
    end(false);
  }

  private void closeUpstream() {
    Channel used = upstream;
    detachUpstream();
    if (used != null) {
      used.close();
    }
  }

  private void detachUpstream() {
    shared.deadlines().remove(this);
    if (upstreamHandler != null) {
      upstreamHandler.release();
    }
    upstream = null;
    upstreamHandler = null;
  }

  /** {@code answered}: a whole response went out (counted, as the Vert.x path counts them). */
  private void end(boolean answered) {
    if (ended) {
      return;
    }
    ended = true;
    shared.deadlines().remove(this);
    held.forEach(HttpContent::release);
    held.clear();
    lease.release();
    if (answered) {
      shared.served(countedAs, status, System.nanoTime() - startedNanos);
    }
    client.exchangeEnded(this, closeClientAfter, lastWrite);
  }

  private static String reason(Throwable failure) {
    return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
  }
}
