package dev.paastis.internal.proxy;

import dev.paastis.config.ProxyTimeouts;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpVersion;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.impl.HttpServerConnection;
import java.util.function.BooleanSupplier;

/**
 * Enforces RFC 9112 message framing on the raw bytes of a client connection, before Netty's HTTP
 * decoder sees them, and times out slow or idle clients.
 *
 * <p>Netty tolerates more than the RFC allows (it drops Content-Length when Transfer-Encoding is
 * present, takes {@code chunked, identity} as chunked, wraps a 17-digit chunk size around), and
 * every tolerance is a way for a front end and Paastis to disagree on where a request ends. So this
 * handler follows each request's framing itself ({@link RequestFraming}) and lets bytes through
 * only once the unit they belong to checks out: a whole head, a chunk-size line, body bytes. On a
 * violation the bytes already let through are decoded as usual, then an invalid message takes the
 * violation to Vert.x, whose invalid-request handler ({@link RejectedRequests}) answers it in
 * order, after any pipelined response, and closes.
 *
 * <p>Timeouts ({@link ClientTimeouts}): a request head must arrive within {@code clientHeader} or
 * the client gets 408; a connection with no request in flight and no byte of a next one is closed
 * after {@code keepAlive}. A {@link ResponseWatcher}, placed after the encoder, tells it when
 * responses end and when a WebSocket upgrade succeeded (from then on the connection is a tunnel and
 * every byte passes unchecked).
 *
 * <p>All methods run on the connection's event loop.
 */
final class FramingGuard extends ChannelInboundHandlerAdapter
    implements ClientTimeouts.Expiry, ResponseWatcher.Listener {

  static final String NAME = "paastisFraming";
  private static final String DECODER = "httpDecoder";
  private static final String ENCODER = "httpEncoder";

  /** Bytes a client may send after a WebSocket upgrade request before the upgrade is answered. */
  private static final int MAX_EARLY_TUNNEL_BYTES = 64 * 1024;

  private enum Mode {
    HTTP,
    TUNNEL,
    REFUSED
  }

  private final ProxyTimeouts settings;
  private final RequestFraming framing = new RequestFraming();
  private Mode mode = Mode.HTTP;
  private ClientTimeouts timeouts;
  private ChannelHandlerContext context;

  private final HeldBytes held = new HeldBytes();
  private long responses; // responses ended
  private long responseHeads; // responses begun (final statuses only)

  FramingGuard(ProxyTimeouts timeouts) {
    this.settings = timeouts;
  }

  /**
   * Puts a guard in front of an HTTP/1.x server connection's decoder, and its response watcher
   * behind the encoder ({@code draining} tells the watcher when responses must close their
   * connection). Called from the server's connection handler, which Vert.x runs while it sets the
   * pipeline up, before the first read.
   */
  static void install(HttpConnection connection, ProxyTimeouts timeouts, BooleanSupplier draining) {
    if (!(connection instanceof HttpServerConnection internal)) {
      return;
    }
    ChannelPipeline pipeline = internal.channelHandlerContext().pipeline();
    if (pipeline.get(DECODER) == null || pipeline.get(ENCODER) == null) {
      return; // not HTTP/1.x
    }
    FramingGuard guard = new FramingGuard(timeouts);
    pipeline.addBefore(DECODER, NAME, guard);
    pipeline.addAfter(ENCODER, NAME + "-responses", new ResponseWatcher(guard, draining));
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    context = ctx;
    timeouts = new ClientTimeouts(settings, ctx.executor(), this);
    timeouts.expectHead(); // the first head is due from the connection's opening
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    held.release();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    held.release();
    timeouts.disarm();
    super.channelInactive(ctx);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof ByteBuf in)) {
      ctx.fireChannelRead(msg);
    } else if (mode == Mode.REFUSED) {
      in.release();
    } else if (mode == Mode.TUNNEL) {
      if (held.isEmpty()) {
        ctx.fireChannelRead(in);
      } else {
        held.add(in); // behind early bytes still on their way (see upgraded)
      }
    } else if (framing.awaitingUpgrade()) {
      holdEarlyTunnelBytes(ctx, in);
    } else {
      scan(ctx, in);
    }
  }

  /** Follows the framing through {@code in}, passing on what checked out and holding the rest. */
  private void scan(ChannelHandlerContext ctx, ByteBuf in) {
    int start = in.readerIndex();
    int end = in.writerIndex();
    int passFrom = start; // bytes of `in` before this index were passed on or dropped
    int checked = start; // bytes of `in` before this index may pass
    int position = start;
    try {
      while (position < end && !framing.awaitingUpgrade()) {
        if (betweenRequests()) {
          timeouts.expectHead(); // the first byte of a head: the head is due
        }
        long heads = framing.heads();
        position = framing.step(in, position, end);
        if (framing.heads() != heads) {
          timeouts.disarm(); // a request is in flight: the upstream timeouts take over
        }
        ByteBuf chunkLine = framing.takeChunkLine();
        if (chunkLine != null) {
          // the chunk-size line just read goes on without its extensions
          if (checked == start) {
            held.release(); // the line began in an earlier read: what is held is its beginning
          } else {
            pass(ctx, in, passFrom, checked); // what came before the line, held bytes first
          }
          ctx.fireChannelRead(chunkLine);
          passFrom = position;
          checked = position;
        } else if (framing.atBoundary()) {
          checked = position; // everything read so far checked out
        }
      }
    } catch (FramingViolation violation) {
      pass(ctx, in, passFrom, checked);
      refuse(ctx, violation);
      in.release();
      return;
    }
    if (passFrom == start && checked == end && held.isEmpty()) {
      ctx.fireChannelRead(in); // the common case: whole units, passed as they came
    } else {
      pass(ctx, in, passFrom, checked);
      if (checked < end) {
        held.add(in.retainedSlice(checked, end - checked));
      }
      in.release();
    }
    if (responses >= framing.heads()) {
      expectIdle(); // e.g. the app answered before the request's body had all arrived
    }
  }

  /** At a request boundary with no byte of the next head yet. */
  private boolean betweenRequests() {
    return framing.betweenRequests() && held.size() == 0;
  }

  private void expectIdle() {
    if (betweenRequests()) {
      timeouts.expectIdle();
    }
  }

  private void holdEarlyTunnelBytes(ChannelHandlerContext ctx, ByteBuf in) {
    held.add(in);
    if (held.size() > MAX_EARLY_TUNNEL_BYTES) {
      mode = Mode.REFUSED;
      held.release();
      ctx.close();
    }
  }

  /** Passes on the held bytes, then {@code in}'s bytes from {@code from} to {@code to}. */
  private void pass(ChannelHandlerContext ctx, ByteBuf in, int from, int to) {
    if (to > from) {
      held.passTo(ctx);
      ctx.fireChannelRead(in.retainedSlice(from, to - from));
    }
  }

  /**
   * Takes the violation to Vert.x as an invalid message, behind whatever was passed on before: an
   * invalid request when between requests, an invalid last chunk when inside a body (Vert.x then
   * fails the request and closes the connection).
   */
  private void refuse(ChannelHandlerContext ctx, FramingViolation violation) {
    boolean inBody = !framing.atHead();
    mode = Mode.REFUSED;
    timeouts.disarm();
    held.release();
    ChannelHandlerContext decoder = ctx.pipeline().context(DECODER);
    if (decoder == null) {
      ctx.close();
      return;
    }
    long requests = framing.heads();
    if (inBody && responseHeads == requests - 1 && responses == requests - 1) {
      // the request went on to the app, but its response has not begun: the client can still
      // be told why, in order, before Vert.x closes the connection
      ctx.writeAndFlush(RejectedRequests.raw(violation));
    }
    HttpObject invalid =
        inBody
            ? new DefaultLastHttpContent()
            : new DefaultFullHttpRequest(
                HttpVersion.HTTP_1_1, HttpMethod.GET, "/", Unpooled.EMPTY_BUFFER);
    invalid.setDecoderResult(DecoderResult.failure(violation));
    decoder.fireChannelRead(invalid);
  }

  // ---- ClientTimeouts.Expiry

  @Override
  public boolean waitingForHead() {
    return mode == Mode.HTTP && framing.atHead() && context.channel().isActive();
  }

  @Override
  public void expired(boolean keepAlive) {
    if (keepAlive || !(framing.inHead() || held.size() > 0)) {
      context.close(); // nothing of a request arrived: close quietly, as nginx does
      return;
    }
    refuse(
        context,
        new FramingViolation(
            408,
            "the request head did not arrive within "
                + timeouts.headerSeconds()
                + " s (CLIENT_HEADER_TIMEOUT)"));
  }

  // ---- ResponseWatcher.Listener

  @Override
  public void responseBegun() {
    responseHeads++;
  }

  @Override
  public void responseEnded() {
    responses++;
    if (mode == Mode.HTTP && framing.awaitingUpgrade()) {
      resumeAfterRefusedUpgrade();
    } else if (mode == Mode.HTTP && responses >= framing.heads()) {
      expectIdle();
    }
  }

  /**
   * A 101 is being written: Vert.x is about to swap the HTTP codec for a plain socket. Bytes the
   * client sent early are passed once that is done, after this write returns.
   */
  @Override
  public void upgraded() {
    mode = Mode.TUNNEL;
    timeouts.disarm();
    if (!held.isEmpty()) {
      context.executor().execute(() -> held.passTo(context));
    }
  }

  /** The app refused the upgrade: what the client sent meanwhile is HTTP again. */
  private void resumeAfterRefusedUpgrade() {
    framing.upgradeRefused();
    if (held.isEmpty()) {
      return;
    }
    scan(context, held.takeAll());
  }
}
