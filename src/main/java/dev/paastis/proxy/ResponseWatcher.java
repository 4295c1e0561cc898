package dev.paastis.proxy;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.vertx.core.http.impl.VertxHttpObject;
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

    /** A response's last part is being written. */
    void responseEnded();
  }

  private final Listener listener;
  private final BooleanSupplier draining;

  ResponseWatcher(Listener listener, BooleanSupplier draining) {
    this.listener = listener;
    this.draining = draining;
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (msg instanceof HttpResponse response) {
      int status = response.status().code();
      if (status == 101) {
        listener.upgraded();
      } else if (status >= 200) {
        listener.responseBegun();
        if (draining.getAsBoolean()) {
          response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
      }
    }
    // Vert.x writes its own objects, which say whether they end the response
    if (msg instanceof VertxHttpObject object ? object.isEnded() : msg instanceof LastHttpContent) {
      listener.responseEnded();
    }
    ctx.write(msg, promise);
  }
}
