package dev.paastis.proxy;

import dev.paastis.config.ProxyTimeouts;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.impl.HttpServerConnection;
import io.vertx.core.http.impl.VertxHttpObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Enforces RFC 9112 message framing on the raw bytes of a client connection, before Netty's HTTP
 * decoder sees them, and times out slow or idle clients.
 *
 * <p>Netty tolerates more than the RFC allows (it drops Content-Length when Transfer-Encoding is
 * present, takes {@code chunked, identity} as chunked, wraps a 17-digit chunk size around), and
 * every tolerance is a way for a front end and Paastis to disagree on where a request ends. So this
 * handler follows each request's framing itself (head, then Content-Length bytes or chunks, then
 * the next head) and lets bytes through only once the unit they belong to checks out: a whole head,
 * a chunk-size line, body bytes. On a violation the bytes already let through are decoded as usual,
 * then an invalid message takes the violation to Vert.x, whose invalid-request handler ({@link
 * RejectedRequests}) answers it in order, after any pipelined response, and closes.
 *
 * <p>Timeouts: a request head must arrive within {@code clientHeader} (from the connection's
 * opening, or from the head's first byte) or the client gets 408; a connection with no request in
 * flight and no byte of a next one is closed after {@code keepAlive}. A response-watching twin,
 * placed after the encoder, tells it when responses end and when a WebSocket upgrade succeeded
 * (from then on the connection is a tunnel and every byte passes unchecked).
 *
 * <p>All methods run on the connection's event loop.
 */
final class FramingGuard extends ChannelInboundHandlerAdapter {

  static final String NAME = "paastisFraming";
  private static final String DECODER = "httpDecoder";
  private static final String ENCODER = "httpEncoder";

  /** Longer lines get 414, as Vert.x's own limit (ProxyVerticle) would. */
  static final int MAX_REQUEST_LINE = 16 * 1024;

  /** A larger header section gets 431. */
  static final int MAX_HEAD = 32 * 1024;

  /** A chunk-size line with its extensions. */
  private static final int MAX_CHUNK_LINE = 4 * 1024;

  /** Netty reads chunk sizes into an int. */
  private static final long MAX_CHUNK_SIZE = Integer.MAX_VALUE;

  /** Bytes a client may send after a WebSocket upgrade request before the upgrade is answered. */
  private static final int MAX_EARLY_TUNNEL_BYTES = 64 * 1024;

  private static final byte CR = '\r';
  private static final byte LF = '\n';

  private enum State {
    HEAD,
    BODY,
    CHUNK_SIZE,
    CHUNK_DATA,
    CHUNK_END,
    TRAILERS,
    AWAIT_UPGRADE,
    TUNNEL,
    REFUSED
  }

  private final long headerTimeoutNanos;
  private final long keepAliveNanos;

  private State state = State.HEAD;
  private RequestHead head; // null until the request line of the current head
  private byte[] line = new byte[256];
  private int lineLength;
  private int headerBytes; // of the current head's header lines
  private long remaining; // body or chunk bytes still to come
  private ByteBuf chunkLine; // a chunk-size line to pass instead of the one just read

  /** Bytes received but not yet checked (a partial line or head), oldest first. */
  private final ArrayDeque<ByteBuf> held = new ArrayDeque<>();

  private int heldBytes;
  private long requests; // heads passed on
  private long responses; // responses ended
  private long responseHeads; // responses begun (final statuses only)

  private long deadline; // System.nanoTime() of the armed timeout, 0 when none
  private boolean deadlineIsKeepAlive;
  private long timerFiresAt; // of the earliest scheduled timer, 0 when none
  private ChannelHandlerContext context;

  FramingGuard(ProxyTimeouts timeouts) {
    this.headerTimeoutNanos = timeouts.clientHeader().toNanos();
    this.keepAliveNanos = timeouts.keepAlive().toNanos();
  }

  /**
   * Puts a guard in front of an HTTP/1.x server connection's decoder. Called from the server's
   * connection handler, which Vert.x runs while it sets the pipeline up, before the first read.
   */
  static void install(HttpConnection connection, ProxyTimeouts timeouts) {
    if (!(connection instanceof HttpServerConnection internal)) {
      return;
    }
    ChannelPipeline pipeline = internal.channelHandlerContext().pipeline();
    if (pipeline.get(DECODER) == null || pipeline.get(ENCODER) == null) {
      return; // not HTTP/1.x
    }
    FramingGuard guard = new FramingGuard(timeouts);
    pipeline.addBefore(DECODER, NAME, guard);
    pipeline.addAfter(ENCODER, NAME + "-responses", guard.new ResponseWatcher());
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    context = ctx;
    arm(headerTimeoutNanos, false); // the first head is due from the connection's opening
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    releaseHeld();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    releaseHeld();
    deadline = 0;
    super.channelInactive(ctx);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof ByteBuf in)) {
      ctx.fireChannelRead(msg);
      return;
    }
    if (state == State.TUNNEL) {
      if (held.isEmpty()) {
        ctx.fireChannelRead(in);
      } else {
        hold(in); // behind early bytes still on their way (passHeldToTunnel)
      }
      return;
    }
    if (state == State.REFUSED) {
      in.release();
      return;
    }
    if (state == State.AWAIT_UPGRADE) {
      holdEarlyTunnelBytes(ctx, in);
      return;
    }
    scan(ctx, in);
  }

  /** Follows the framing through {@code in}, passing on what checked out and holding the rest. */
  private void scan(ChannelHandlerContext ctx, ByteBuf in) {
    int start = in.readerIndex();
    int end = in.writerIndex();
    int passFrom = start; // bytes of `in` before this index were passed on or dropped
    int checked = passFrom; // bytes of `in` before this index may pass
    int position = passFrom;
    try {
      while (position < end && state != State.AWAIT_UPGRADE) {
        if (betweenRequests() && (deadline == 0 || deadlineIsKeepAlive)) {
          arm(headerTimeoutNanos, false); // the first byte of a head: the head is due
        }
        position = step(in, position, end);
        if (chunkLine != null) {
          // the chunk-size line just read goes on without its extensions (see chunkSizeLine)
          if (checked == start) {
            releaseHeld(); // the line began in an earlier read: what is held is its beginning
          } else {
            pass(ctx, in, passFrom, checked); // what came before the line, held bytes first
          }
          ctx.fireChannelRead(chunkLine);
          chunkLine = null;
          passFrom = position;
          checked = position;
        } else if (lineLength == 0 && (state != State.HEAD || head == null)) {
          checked = position; // at a unit's boundary: everything read so far checked out
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
        hold(in.retainedSlice(checked, end - checked));
      }
      in.release();
    }
    if (responses >= requests) {
      armKeepAlive(); // e.g. the app answered before the request's body had all arrived
    }
  }

  /** At a request boundary with no byte of the next head yet. */
  private boolean betweenRequests() {
    return state == State.HEAD && head == null && lineLength == 0 && heldBytes == 0;
  }

  /** Consumes one unit (or what is there of it) from {@code position}; returns where it stopped. */
  private int step(ByteBuf in, int position, int end) {
    switch (state) {
      case BODY, CHUNK_DATA -> {
        int taken = (int) Math.min(remaining, end - position);
        remaining -= taken;
        if (remaining == 0) {
          state = state == State.BODY ? State.HEAD : State.CHUNK_END;
        }
        return position + taken;
      }
      default -> {
        int lf = in.indexOf(position, end, LF);
        int stop = lf < 0 ? end : lf;
        append(in, position, stop);
        if (lf < 0) {
          return end;
        }
        completeLine();
        return lf + 1;
      }
    }
  }

  private void append(ByteBuf in, int from, int to) {
    int length = to - from;
    int limit = lineLimit();
    if (lineLength + length > limit) {
      throw tooLong();
    }
    if (lineLength + length > line.length) {
      line = Arrays.copyOf(line, Math.min(limit, Math.max(line.length * 2, lineLength + length)));
    }
    in.getBytes(from, line, lineLength, length);
    lineLength += length;
  }

  private int lineLimit() {
    return switch (state) {
      case HEAD -> head == null ? MAX_REQUEST_LINE + 1 : MAX_HEAD + 1;
      case TRAILERS -> MAX_HEAD + 1;
      default -> MAX_CHUNK_LINE + 1;
    };
  }

  private FramingViolation tooLong() {
    return switch (state) {
      case HEAD ->
          head == null
              ? new FramingViolation(414, "request line longer than 16 KiB")
              : new FramingViolation(431, "request headers larger than 32 KiB");
      case TRAILERS -> new FramingViolation(431, "chunked body trailers larger than 32 KiB");
      default -> FramingViolation.badRequest("chunk-size line longer than 4 KiB");
    };
  }

  /** A whole line is in {@code line} (without its LF): check it and move on. */
  private void completeLine() {
    int length = lineLength;
    lineLength = 0;
    // Netty's decoder refuses a line ended by LF alone: so must we, or the two would disagree
    if (length == 0 || line[length - 1] != CR) {
      throw FramingViolation.badRequest("a line ended with LF alone: lines end with CRLF");
    }
    length--;
    for (int i = 0; i < length; i++) {
      if (line[i] == CR) {
        throw FramingViolation.badRequest("bare CR in a line: lines end with CRLF");
      }
    }
    switch (state) {
      case HEAD -> headLine(length);
      case CHUNK_SIZE -> chunkSizeLine(length);
      case CHUNK_END -> {
        if (length != 0) {
          throw FramingViolation.badRequest("chunk data not followed by CRLF");
        }
        state = State.CHUNK_SIZE;
      }
      case TRAILERS -> {
        if (length == 0) {
          state = State.HEAD;
        } else {
          RequestHead.trailerLine(line, length);
        }
      }
      default -> throw new IllegalStateException(state.name());
    }
  }

  private void headLine(int length) {
    if (head == null) {
      if (length == 0) {
        return; // empty lines before a request line are ignored (RFC 9112 §2.2)
      }
      head = new RequestHead();
      head.requestLine(line, length);
      return;
    }
    if (length > 0) {
      headerBytes += length + 2;
      if (headerBytes > MAX_HEAD) {
        throw new FramingViolation(431, "request headers larger than 32 KiB");
      }
      head.headerLine(line, length);
      return;
    }
    RequestHead.Framing framing = head.end();
    head = null;
    headerBytes = 0;
    requests++;
    deadline = 0; // a request is in flight: the upstream timeouts take over
    if (framing.webSocketUpgrade()) {
      state = State.AWAIT_UPGRADE;
    } else if (framing.chunked()) {
      state = State.CHUNK_SIZE;
    } else if (framing.contentLength() > 0) {
      remaining = framing.contentLength();
      state = State.BODY;
    }
  }

  /** {@code 1*HEXDIG [ *WS ";" chunk-ext ]}, a size Netty can hold. */
  private void chunkSizeLine(int length) {
    long size = 0;
    int i = 0;
    while (i < length && Character.digit(line[i], 16) >= 0) {
      size = size * 16 + Character.digit(line[i], 16);
      if (size > MAX_CHUNK_SIZE) {
        throw FramingViolation.badRequest("chunk size larger than 7fffffff (2 GiB)");
      }
      i++;
    }
    if (i == 0) {
      throw FramingViolation.badRequest("malformed chunk size: expected hexadecimal digits");
    }
    while (i < length && (line[i] == ' ' || line[i] == '\t')) {
      i++;
    }
    if (i < length && line[i] != ';') {
      throw FramingViolation.badRequest("malformed chunk size line: expected size [;extension]");
    }
    boolean extensions = i < length;
    for (; i < length; i++) {
      if ((line[i] < ' ' && line[i] != '\t') || line[i] == 0x7f) {
        throw FramingViolation.badRequest("control character in a chunk extension");
      }
    }
    if (extensions) {
      // Extensions mean nothing to Paastis, which re-chunks the body, and Netty 4.2.12 refuses
      // valid ones (a token value, as in "5;name=value"): pass the size alone.
      chunkLine = Unpooled.copiedBuffer(Long.toHexString(size) + "\r\n", StandardCharsets.US_ASCII);
    }
    remaining = size;
    state = size == 0 ? State.TRAILERS : State.CHUNK_DATA;
  }

  private void holdEarlyTunnelBytes(ChannelHandlerContext ctx, ByteBuf in) {
    hold(in);
    if (heldBytes > MAX_EARLY_TUNNEL_BYTES) {
      state = State.REFUSED;
      releaseHeld();
      ctx.close();
    }
  }

  private void hold(ByteBuf bytes) {
    held.add(bytes);
    heldBytes += bytes.readableBytes();
  }

  private void releaseHeld() {
    ByteBuf bytes;
    while ((bytes = held.poll()) != null) {
      bytes.release();
    }
    heldBytes = 0;
  }

  /** Passes on the held bytes, then {@code in}'s bytes from {@code from} to {@code to}. */
  private void pass(ChannelHandlerContext ctx, ByteBuf in, int from, int to) {
    if (to == from) {
      return;
    }
    ByteBuf bytes;
    while ((bytes = held.poll()) != null) {
      ctx.fireChannelRead(bytes);
    }
    heldBytes = 0;
    ctx.fireChannelRead(in.retainedSlice(from, to - from));
  }

  /**
   * Takes the violation to Vert.x as an invalid message, behind whatever was passed on before: an
   * invalid request when between requests, an invalid last chunk when inside a body (Vert.x then
   * fails the request and closes the connection).
   */
  private void refuse(ChannelHandlerContext ctx, FramingViolation violation) {
    boolean inBody = state != State.HEAD;
    state = State.REFUSED;
    deadline = 0;
    releaseHeld();
    ChannelHandlerContext decoder = ctx.pipeline().context(DECODER);
    if (decoder == null) {
      ctx.close();
      return;
    }
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

  // ---- timeouts: one timer per connection at a time, re-armed lazily when the deadline moved

  private void arm(long timeoutNanos, boolean keepAlive) {
    deadline = System.nanoTime() + timeoutNanos;
    deadlineIsKeepAlive = keepAlive;
    if (timerFiresAt == 0 || deadline - timerFiresAt < 0) {
      schedule(timeoutNanos);
    }
  }

  private void schedule(long delayNanos) {
    timerFiresAt = System.nanoTime() + delayNanos;
    context.executor().schedule(this::onTimer, delayNanos, TimeUnit.NANOSECONDS);
  }

  private void onTimer() {
    long now = System.nanoTime();
    if (timerFiresAt != 0 && timerFiresAt - now > 0) {
      return; // an earlier timer replaced by a later-scheduled earlier one; that one will act
    }
    timerFiresAt = 0;
    if (deadline == 0 || state != State.HEAD || !context.channel().isActive()) {
      return;
    }
    long left = deadline - now;
    if (left > 0) {
      schedule(left);
      return;
    }
    deadline = 0;
    boolean started = head != null || heldBytes > 0 || lineLength > 0;
    if (deadlineIsKeepAlive || !started) {
      context.close(); // nothing of a request arrived: close quietly, as nginx does
      return;
    }
    long seconds = TimeUnit.NANOSECONDS.toSeconds(headerTimeoutNanos);
    refuse(
        context,
        new FramingViolation(
            408,
            "the request head did not arrive within " + seconds + " s (CLIENT_HEADER_TIMEOUT)"));
  }

  private void responseEnded() {
    responses++;
    if (state == State.AWAIT_UPGRADE) {
      resumeAfterRefusedUpgrade();
    } else if (responses >= requests) {
      armKeepAlive();
    }
  }

  /** No request in flight: an idle connection is closed after keepAlive. */
  private void armKeepAlive() {
    if (betweenRequests() && deadline == 0) {
      arm(keepAliveNanos, true);
    }
  }

  /**
   * A 101 is being written: Vert.x is about to swap the HTTP codec for a plain socket. Bytes the
   * client sent early are passed once that is done, after this write returns.
   */
  private void upgraded() {
    state = State.TUNNEL;
    deadline = 0;
    if (!held.isEmpty()) {
      context.executor().execute(this::passHeldToTunnel);
    }
  }

  private void passHeldToTunnel() {
    ByteBuf bytes;
    while ((bytes = held.poll()) != null) {
      context.fireChannelRead(bytes);
    }
    heldBytes = 0;
  }

  /** The app refused the upgrade: what the client sent meanwhile is HTTP again. */
  private void resumeAfterRefusedUpgrade() {
    state = State.HEAD;
    if (held.isEmpty()) {
      return;
    }
    ByteBuf early = Unpooled.wrappedBuffer(held.toArray(ByteBuf[]::new));
    held.clear();
    heldBytes = 0;
    scan(context, early);
  }

  /** Sees the responses Vert.x writes, before they are encoded. */
  private final class ResponseWatcher extends ChannelOutboundHandlerAdapter {

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
      if (msg instanceof HttpResponse response) {
        int status = response.status().code();
        if (status == 101) {
          upgraded();
        } else if (status >= 200) {
          responseHeads++;
        }
      }
      if (msg instanceof VertxHttpObject object
          ? object.isEnded()
          : msg instanceof LastHttpContent) {
        responseEnded();
      }
      ctx.write(msg, promise);
    }
  }
}
