package dev.paastis.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A client that speaks raw bytes over a loopback socket, for what well-behaved HTTP clients cannot
 * send: smuggling attempts, malformed lines, slow heads.
 */
public final class RawHttp implements AutoCloseable {

  private final Socket socket;
  private final ByteArrayOutputStream received = new ByteArrayOutputStream();
  private boolean closedByPeer;

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
