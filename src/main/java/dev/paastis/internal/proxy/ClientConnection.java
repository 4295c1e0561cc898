package dev.paastis.internal.proxy;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * Sits in a client connection's pipeline between the HTTP codec and Vert.x's handler, and takes the
 * hot path off Vert.x: a request for an app that serves now (a lease at once, no wake) is forwarded
 * on Netty by a {@link DirectExchange}; every other request (a wake, the waking page, an unknown
 * app, the system API, a WebSocket upgrade, HTTP/1.0, anything during a drain) goes on to Vert.x as
 * before.
 *
 * <p>One request at a time is in either hand, so pipelined responses keep their order: while an
 * exchange runs, the next requests wait here (and the connection stops reading); while Vert.x has
 * requests, every message goes to Vert.x until it has answered them all, which the connection's
 * {@link ResponseWatcher} tells.
 *
 * <p>During a drain, Vert.x closes the connections it thinks idle, and one with an exchange in
 * flight looks idle to it: the close waits for the exchange to end, until the drain's grace runs
 * out.
 *
 * <p>Event-loop confined.
 */
final class ClientConnection extends ChannelDuplexHandler implements ResponseWatcher.Listener {

  static final String NAME = "paastisDirect";

  private enum State {
    /** Between requests. */
    IDLE,
    /** A {@link DirectExchange} has the current request. */
    DIRECT,
    /** An exchange answered before the request's body ended: the rest is read and dropped. */
    DISCARDING,
    /** Vert.x has requests it has not answered yet. */
    VERTX,
    /** A WebSocket upgrade went through: bytes only from now on. */
    TUNNEL
  }

  private final DirectForwarding shared;
  private final ArrayDeque<HttpObject> held = new ArrayDeque<>();
  private ChannelHandlerContext ctx;
  private State state = State.IDLE;
  private DirectExchange exchange;
  private int vertxResponsesDue;
  private boolean vertxRequestOpen;
  private boolean replaying;
  private boolean inactive;
  private ChannelPromise deferredClose;
  private String remoteAddress;

  ClientConnection(DirectForwarding shared) {
    this.shared = shared;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (state == State.TUNNEL || !(msg instanceof HttpObject object)) {
      ctx.fireChannelRead(msg);
    } else if (!held.isEmpty()) {
      held.add(object); // behind requests that wait their turn
    } else {
      dispatch(object);
    }
  }

  private void dispatch(HttpObject msg) {
    switch (state) {
      case IDLE -> {
        if (!(msg instanceof HttpRequest request) || !startsDirect(request)) {
          toVertx(msg);
        }
      }
      case DIRECT -> {
        if (msg.decoderResult().isFailure() && !exchange.requestComplete()) {
          // FramingGuard refused the rest of the body (and answered 400 when it still could)
          ReferenceCountUtil.release(msg);
          exchange.requestBroken();
        } else if (exchange.requestComplete() || !(msg instanceof HttpContent content)) {
          held.add(msg); // a pipelined request: after this exchange
        } else {
          exchange.requestContent(content);
        }
        updateReading();
      }
      case DISCARDING -> {
        ReferenceCountUtil.release(msg);
        if (msg.decoderResult().isFailure()) {
          ctx.close(); // a body that broke its framing: nothing after it can be trusted
        } else if (msg instanceof LastHttpContent) {
          state = State.IDLE;
        }
      }
      case VERTX, TUNNEL -> toVertx(msg);
    }
  }

  private boolean startsDirect(HttpRequest request) {
    if (!request.decoderResult().isSuccess()
        || request instanceof HttpContent // a whole message: only invalid ones come so
        || request.protocolVersion() != HttpVersion.HTTP_1_1
        || request.headers().contains(HttpHeaderNames.UPGRADE)
        || ctx.channel().eventLoop() != shared.eventLoop()
        || shared.draining()) {
      return false;
    }
    DirectExchange opened = shared.open(this, request);
    if (opened == null) {
      return false;
    }
    state = State.DIRECT;
    exchange = opened;
    opened.start();
    return true;
  }

  private void toVertx(HttpObject msg) {
    if (msg instanceof HttpRequest) {
      state = State.VERTX;
      vertxResponsesDue++;
      vertxRequestOpen = true;
    }
    if (msg instanceof LastHttpContent) {
      vertxRequestOpen = false;
    }
    ctx.fireChannelRead(msg);
    vertxMaybeDone();
  }

  // ---- ResponseWatcher.Listener: the responses on their way out, ours and Vert.x's

  @Override
  public void upgraded() {
    if (state == State.VERTX) {
      state = State.TUNNEL; // a WebSocket: only Vert.x takes upgrades
    }
  }

  @Override
  public void responseBegun() {
    // the end is what tells that Vert.x has answered
  }

  @Override
  public void responseEnded() {
    if (state == State.VERTX) {
      vertxResponsesDue--;
      vertxMaybeDone();
    }
  }

  private void vertxMaybeDone() {
    if (state == State.VERTX && vertxResponsesDue <= 0 && !vertxRequestOpen) {
      vertxResponsesDue = 0;
      state = State.IDLE;
    }
  }

  /** Called by the exchange once it ended, whichever way; {@code lastWrite} may be null. */
  void exchangeEnded(DirectExchange ended, boolean close, ChannelFuture lastWrite) {
    if (exchange != ended) {
      return;
    }
    exchange = null;
    state = ended.requestComplete() ? State.IDLE : State.DISCARDING;
    if (inactive) {
      return;
    }
    if (close || deferredClose != null) {
      ChannelPromise promise = deferredClose != null ? deferredClose : ctx.newPromise();
      deferredClose = null;
      releaseHeld();
      if (lastWrite == null) {
        ctx.close(promise);
      } else {
        lastWrite.addListener(written -> ctx.close(promise));
      }
      return;
    }
    ctx.channel().config().setAutoRead(true);
    replayHeld();
  }

  /** Hands the requests that waited to whichever side takes them now, in order. */
  private void replayHeld() {
    if (replaying) {
      return;
    }
    replaying = true;
    try {
      while (!held.isEmpty() && !(state == State.DIRECT && exchange.requestComplete())) {
        dispatch(held.poll());
      }
    } finally {
      replaying = false;
    }
    updateReading();
  }

  /**
   * Reads stop while requests wait their turn, or while the exchange cannot pass the body on (no
   * upstream yet, or one that takes no more for now). Vert.x decides for itself when it has the
   * connection.
   */
  void updateReading() {
    if (inactive || state == State.VERTX || state == State.TUNNEL) {
      return;
    }
    boolean read =
        held.isEmpty()
            && (exchange == null || exchange.requestComplete() || exchange.takesMoreBody());
    if (ctx.channel().config().isAutoRead() != read) {
      ctx.channel().config().setAutoRead(read);
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (exchange != null) {
      exchange.clientWritabilityChanged(ctx.channel().isWritable());
    }
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    inactive = true;
    releaseHeld();
    if (exchange != null) {
      exchange.clientLeft();
    }
    ctx.fireChannelInactive();
  }

  /**
   * A close from Vert.x (its drain) or from anywhere else. During a drain, an exchange in flight
   * may finish until the grace runs out; the connection closes then.
   */
  @Override
  public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
    long untilCut = shared.nanosUntilCut();
    if (exchange == null || untilCut <= 0) {
      ctx.close(promise);
      return;
    }
    if (deferredClose == null) {
      ctx.executor().schedule(this::cutDeferred, untilCut, TimeUnit.NANOSECONDS);
    }
    deferredClose = promise;
  }

  private void cutDeferred() {
    ChannelPromise promise = deferredClose;
    if (promise != null) {
      deferredClose = null;
      ctx.close(promise);
    }
  }

  private void releaseHeld() {
    HttpObject msg;
    while ((msg = held.poll()) != null) {
      ReferenceCountUtil.release(msg);
    }
  }

  /** The client's IP address, as X-Forwarded-For gives it; null when unknown. */
  String remoteAddress() {
    if (remoteAddress == null && ctx.channel().remoteAddress() instanceof InetSocketAddress a) {
      remoteAddress = a.getAddress() == null ? null : a.getAddress().getHostAddress();
    }
    return remoteAddress;
  }

  void write(Object msg) {
    ctx.write(msg, ctx.voidPromise());
  }

  ChannelFuture writeAndFlush(Object msg) {
    return ctx.writeAndFlush(msg);
  }

  void flush() {
    ctx.flush();
  }

  boolean isWritable() {
    return ctx.channel().isWritable();
  }
}
