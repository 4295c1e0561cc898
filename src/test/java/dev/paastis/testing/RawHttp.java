package dev.paastis.testing;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A client that speaks raw bytes over a loopback socket, for what well-behaved HTTP clients cannot
 * send: smuggling attempts, malformed lines, slow heads.
 */
public final class RawHttp implements AutoCloseable {

  private final Socket socket;
  private final ByteArrayOutputStream received = new ByteArrayOutputStream();
  private boolean closedByPeer;

  /** Where the next {@link #readResponse} begins in what was received. */
  private int parsed;

  private RawHttp(Socket socket) {
    this.socket = socket;
  }

  public static RawHttp connect(int port) throws IOException {
    Socket socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(30_000);
    return new RawHttp(socket);
  }

  public RawHttp send(String text) throws IOException {
    socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
    socket.getOutputStream().flush();
    return this;
  }

  /** Reads until the peer closes the connection; fails after 30 s without it. */
  public String readUntilClosed() throws IOException {
    InputStream in = socket.getInputStream();
    byte[] buffer = new byte[8192];
    int read;
    while ((read = in.read(buffer)) >= 0) {
      received.write(buffer, 0, read);
    }
    closedByPeer = true;
    return text();
  }

  /** Reads until {@code marker} has arrived (the connection stays open). */
  public String readUntil(String marker) throws IOException {
    InputStream in = socket.getInputStream();
    byte[] buffer = new byte[8192];
    while (!text().contains(marker)) {
      int read = in.read(buffer);
      if (read < 0) {
        closedByPeer = true;
        break;
      }
      received.write(buffer, 0, read);
    }
    return text();
  }

  /** Whether the peer closes the connection within {@code millis} (false when it stays open). */
  public boolean closesWithin(int millis) throws IOException {
    socket.setSoTimeout(millis);
    try {
      readUntilClosed();
      return true;
    } catch (SocketTimeoutException stillOpen) {
      return false;
    }
  }

  /** Reads give up after {@code timeout} without a byte (30 s by default). */
  public RawHttp timeout(Duration timeout) throws IOException {
    socket.setSoTimeout((int) timeout.toMillis());
    return this;
  }

  /**
   * One response, as framed on the wire (RFC 9112 §6.3).
   *
   * @param headers names in lower case; the values of a repeated header joined with ", "
   * @param body the body as sent, de-chunked when chunked
   */
  public record Response(String statusLine, int status, Map<String, String> headers, byte[] body) {
    public String text() {
      return new String(body, StandardCharsets.ISO_8859_1);
    }
  }

  private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.[01] (\\d{3})( .*)?");
  private static final byte[] BLANK_LINE = {'\r', '\n', '\r', '\n'};
  private static final byte[] LINE_END = {'\r', '\n'};

  /**
   * The next response on the connection, after those this method read before: strictly parsed, so
   * that stray bytes between two responses fail it. A 1xx, 204 or 304 has no body; else the body is
   * chunked, or as long as Content-Length says, or runs until the peer closes. Fails with an {@link
   * EOFException} when the peer closes before the response is whole.
   */
  public Response readResponse() throws IOException {
    return readResponse(false);
  }

  /** The next response, to a HEAD request: it has no body, whatever its headers say. */
  public Response readHeadResponse() throws IOException {
    return readResponse(true);
  }

  private Response readResponse(boolean toHead) throws IOException {
    int headEnd = awaitMarker(BLANK_LINE, parsed);
    String[] lines =
        new String(received.toByteArray(), parsed, headEnd - parsed, StandardCharsets.ISO_8859_1)
            .split("\r\n");
    Matcher statusLine = STATUS_LINE.matcher(lines[0]);
    if (!statusLine.matches()) {
      throw new IllegalStateException("not a status line: " + lines[0]);
    }
    int status = Integer.parseInt(statusLine.group(1));
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.merge(
          lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
          lines[i].substring(colon + 1).trim(),
          (first, next) -> first + ", " + next);
    }
    int at = headEnd + BLANK_LINE.length;
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    String encoding = headers.getOrDefault("transfer-encoding", "");
    if (toHead || status < 200 || status == 204 || status == 304) {
      // no body
    } else if (encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
      at = readChunks(at, body);
    } else if (headers.containsKey("content-length")) {
      int length = Integer.parseInt(headers.get("content-length"));
      awaitBytes(at + length);
      body.write(received.toByteArray(), at, length);
      at += length;
    } else {
      readUntilClosed();
      body.write(received.toByteArray(), at, received.size() - at);
      at = received.size();
    }
    parsed = at;
    return new Response(lines[0], status, headers, body.toByteArray());
  }

  /** Chunks from {@code at} into {@code body}; where the message ends, its trailers included. */
  private int readChunks(int at, ByteArrayOutputStream body) throws IOException {
    while (true) {
      int lineEnd = awaitMarker(LINE_END, at);
      String sizeLine =
          new String(received.toByteArray(), at, lineEnd - at, StandardCharsets.ISO_8859_1);
      int extension = sizeLine.indexOf(';');
      int size =
          Integer.parseInt(
              (extension < 0 ? sizeLine : sizeLine.substring(0, extension)).trim(), 16);
      at = lineEnd + LINE_END.length;
      if (size == 0) {
        // trailer fields, then the blank line
        while (true) {
          int trailerEnd = awaitMarker(LINE_END, at);
          boolean blank = trailerEnd == at;
          at = trailerEnd + LINE_END.length;
          if (blank) {
            return at;
          }
        }
      }
      awaitBytes(at + size + LINE_END.length);
      byte[] bytes = received.toByteArray();
      body.write(bytes, at, size);
      if (bytes[at + size] != '\r' || bytes[at + size + 1] != '\n') {
        throw new IllegalStateException("a chunk of " + size + " bytes not ended by CRLF");
      }
      at += size + LINE_END.length;
    }
  }

  /** Where {@code marker} first is from {@code from}, reading until it has arrived. */
  private int awaitMarker(byte[] marker, int from) throws IOException {
    while (true) {
      int found = indexOf(received.toByteArray(), marker, from);
      if (found >= 0) {
        return found;
      }
      if (!readMore()) {
        throw new EOFException(
            "closed by the peer before a line's end; received: " + text().substring(parsed));
      }
    }
  }

  /** Reads until {@code size} bytes in all have been received. */
  private void awaitBytes(int size) throws IOException {
    while (received.size() < size) {
      if (!readMore()) {
        throw new EOFException(
            "closed by the peer after "
                + (received.size() - parsed)
                + " bytes of a response; more were due");
      }
    }
  }

  private boolean readMore() throws IOException {
    byte[] buffer = new byte[8192];
    int read = socket.getInputStream().read(buffer);
    if (read < 0) {
      closedByPeer = true;
      return false;
    }
    received.write(buffer, 0, read);
    return true;
  }

  private static int indexOf(byte[] bytes, byte[] marker, int from) {
    for (int i = Math.max(0, from); i <= bytes.length - marker.length; i++) {
      if (Arrays.equals(bytes, i, i + marker.length, marker, 0, marker.length)) {
        return i;
      }
    }
    return -1;
  }

  /** Bytes received after the last response {@link #readResponse} read. */
  public int unparsed() {
    return received.size() - parsed;
  }

  public String text() {
    return received.toString(StandardCharsets.ISO_8859_1);
  }

  public boolean closedByPeer() {
    return closedByPeer;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
