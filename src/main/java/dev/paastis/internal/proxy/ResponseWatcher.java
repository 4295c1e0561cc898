package dev.paastis.internal.proxy;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.vertx.core.http.impl.VertxHttpObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Sees the responses Vert.x writes on a connection, before they are encoded (it sits between
 * Vert.x's handler and the HTTP encoder), and tells {@link FramingGuard} when one begins, ends, or
 * switches the connection to another protocol. While the proxy drains, each final response head
 * says {@code Connection: close}, so that a keep-alive client sends its next request on a new
 * connection (to the next instance) rather than on this one, which closes after the response: one
 * place for every response (proxied, error, waking page, system API), nothing per request.
 */
final class ResponseWatcher extends ChannelOutboundHandlerAdapter {

  /** Told on the connection's event loop. */
  interface Listener {
    /** A 101 is being written: the connection is about to leave HTTP. */
    void upgraded();

    /** A final (not 1xx) response's head is being written. */
    void responseBegun();

    /** A final (not 1xx) response's last part is being written. */
    void responseEnded();
  }

  private final List<Listener> listeners = new ArrayList<>(2);
  private final BooleanSupplier draining;
  private boolean informational; // the response being written is a 1xx

  ResponseWatcher(Listener listener, BooleanSupplier draining) {
    this.listeners.add(listener);
    this.draining = draining;
  }

  /** Tells {@code listener} too; before the connection's first read. */
  void alsoTell(Listener listener) {
    listeners.add(listener);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (msg instanceof HttpResponse response) {
      int status = response.status().code();
      informational = status < 200;
      if (status == 101) {
        listeners.forEach(Listener::upgraded);
      } else if (status >= 200) {
        listeners.forEach(Listener::responseBegun);
        if (draining.getAsBoolean()) {
          response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
      }
    }
    // Vert.x writes its own objects, which say whether they end the response; the end of a 100
    // Continue is not the end of the response to its request
    boolean ended =
        msg instanceof VertxHttpObject object ? object.isEnded() : msg instanceof LastHttpContent;
    if (ended && !informational) {
      listeners.forEach(Listener::responseEnded);
    }
    ctx.write(msg, promise);
  }
}
