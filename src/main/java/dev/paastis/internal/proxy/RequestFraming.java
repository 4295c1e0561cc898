package dev.paastis.internal.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Where a client's byte stream stands in RFC 9112 framing: in a request head, in a body of known
 * length, in a chunked body (size line, data, CRLF, trailers), or waiting for a WebSocket upgrade
 * to be answered. {@link FramingGuard} feeds it bytes and lets them through once a unit is whole.
 * Every rule is strict where leniency would let two parsers split requests differently; a broken
 * rule throws {@link FramingViolation}. Heads are checked by {@link RequestHead}.
 *
 * <p>Not thread-safe: one per connection, on its event loop.
 */
final class RequestFraming {

  /** Longer lines get 414, as Vert.x's own limit (ProxyVerticle) would. */
  static final int MAX_REQUEST_LINE = 16 * 1024;

  /** A larger header section gets 431. */
  static final int MAX_HEAD = 32 * 1024;

  /** A chunk-size line with its extensions. */
  private static final int MAX_CHUNK_LINE = 4 * 1024;

  /** Netty reads chunk sizes into an int. */
  private static final long MAX_CHUNK_SIZE = Integer.MAX_VALUE;

  private static final byte CR = '\r';
  private static final byte LF = '\n';

  private enum State {
    HEAD,
    BODY,
    CHUNK_SIZE,
    CHUNK_DATA,
    CHUNK_END,
    TRAILERS,
    AWAIT_UPGRADE
  }

  private State state = State.HEAD;
  private RequestHead head; // null until the request line of the current head
  private byte[] line = new byte[256];
  private int lineLength;
  private int headerBytes; // of the current head's header lines
  private long remaining; // body or chunk bytes still to come
  private ByteBuf chunkLine; // a chunk-size line to pass instead of the one just read
  private long heads; // heads that checked out

  /** Heads that checked out so far: one more each time a request goes on to Vert.x. */
  long heads() {
    return heads;
  }

  /** At a request boundary, no byte of the next head read yet. */
  boolean betweenRequests() {
    return state == State.HEAD && head == null && lineLength == 0;
  }

  /** Some of a request head has arrived, not all of it. */
  boolean inHead() {
    return state == State.HEAD && (head != null || lineLength > 0);
  }

  /** Between two heads (possibly pipelined ones), not in a body or an upgrade. */
  boolean atHead() {
    return state == State.HEAD;
  }

  /** Everything read so far belongs to whole units (a head, a chunk-size line, body bytes). */
  boolean atBoundary() {
    return lineLength == 0 && (state != State.HEAD || head == null);
  }

  /** A WebSocket upgrade request checked out: what follows is not HTTP until it is answered. */
  boolean awaitingUpgrade() {
    return state == State.AWAIT_UPGRADE;
  }

  /** The upgrade was refused: the stream is HTTP again. */
  void upgradeRefused() {
    state = State.HEAD;
  }

  /**
   * The chunk-size line just read, without its extensions, to pass instead of the line itself; null
   * when the line had none. Extensions mean nothing to Paastis, which re-chunks the body, and Netty
   * 4.2.12 refuses valid ones (a token value, as in "5;name=value").
   */
  ByteBuf takeChunkLine() {
    ByteBuf taken = chunkLine;
    chunkLine = null;
    return taken;
  }

  /**
   * Reads one unit (or what there is of it) of {@code in} from {@code position}; returns where it
   * stopped.
   *
   * @throws FramingViolation when the bytes break a rule
   */
  int step(ByteBuf in, int position, int end) {
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
    heads++;
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
      chunkLine = Unpooled.copiedBuffer(Long.toHexString(size) + "\r\n", StandardCharsets.US_ASCII);
    }
    remaining = size;
    state = size == 0 ? State.TRAILERS : State.CHUNK_DATA;
  }
}
