package dev.paastis.internal.proxy;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.util.ReferenceCountUtil;

/**
 * The last handler of a connection to an upstream: hands what the app sends to the exchange the
 * connection serves, and closes the connection when it talks out of turn. Event-loop confined.
 */
final class UpstreamConnection extends ChannelInboundHandlerAdapter {

  static final String NAME = "paastisUpstream";

  private final UpstreamPool.Endpoint endpoint;
  private final UpstreamPool pool;
  private DirectExchange exchange;
  private Throwable failure;

  UpstreamConnection(UpstreamPool.Endpoint endpoint, UpstreamPool pool) {
    this.endpoint = endpoint;
    this.pool = pool;
  }

  void serve(DirectExchange exchange) {
    this.exchange = exchange;
  }

  /** The exchange ended: the connection is idle (or about to close). */
  void release() {
    exchange = null;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (exchange == null || !(msg instanceof HttpObject object)) {
      // bytes nobody asked for: the connection cannot be trusted with a next request
      ReferenceCountUtil.release(msg);
      ctx.close();
      return;
    }
    if (object.decoderResult().isFailure()) {
      ReferenceCountUtil.release(msg);
      failure = object.decoderResult().cause();
      ctx.close();
      return;
    }
    DirectExchange current = exchange;
    if (msg instanceof HttpResponse response) {
      current.responseHead(response);
    }
    if (msg instanceof HttpContent content) {
      current.responseContent(content);
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    if (exchange != null) {
      exchange.flushToClient();
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (exchange != null) {
      exchange.upstreamWritabilityChanged();
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    pool.closed(endpoint, ctx.channel());
    if (exchange != null) {
      DirectExchange current = exchange;
      exchange = null;
      current.upstreamClosed(failure);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    failure = cause;
    ctx.close();
  }
}
