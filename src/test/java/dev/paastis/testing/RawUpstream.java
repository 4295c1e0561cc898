package dev.paastis.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * An app that speaks raw bytes on 127.0.0.1 and a free port, for what a well-behaved HTTP server
 * will not do: bodies delimited by the close of the connection, bodies cut short, keep-alive
 * connections closed soon after a response, HEAD answers that say {@code chunked}. Each accepted
 * connection is handed to the test's {@link Conversation} on a thread of its own and closed when it
 * returns; the connections accepted and ended are counted.
 */
public final class RawUpstream implements AutoCloseable {

  /** What the app does on one connection; the connection is closed when it returns or throws. */
  @FunctionalInterface
  public interface Conversation {
    void run(Connection connection) throws Exception;
  }

  /** One accepted connection, with what reading requests and writing answers need. */
  public static final class Connection {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private Connection(Socket socket) throws IOException {
      this.socket = socket;
      this.in = new BufferedInputStream(socket.getInputStream());
      this.out = socket.getOutputStream();
    }

    /**
     * The next request head, its blank line included; null when the peer closed the connection
     * before sending one. A request body is left unread.
     */
    public String readHead() throws IOException {
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      int matched = 0;
      while (matched < 4) {
        int b = in.read();
        if (b < 0) {
          if (head.size() == 0) {
            return null;
          }
          throw new EOFException("closed in a request head: " + head);
        }
        head.write(b);
        matched = b == (matched % 2 == 0 ? '\r' : '\n') ? matched + 1 : (b == '\r' ? 1 : 0);
      }
      return head.toString(StandardCharsets.ISO_8859_1);
    }

    public Connection write(String text) throws IOException {
      return write(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    public Connection write(byte[] bytes) throws IOException {
      out.write(bytes);
      out.flush();
      return this;
    }
  }

  private final ServerSocket server;
  private final Conversation conversation;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger accepted = new AtomicInteger();
  private final AtomicInteger ended = new AtomicInteger();

  private RawUpstream(ServerSocket server, Conversation conversation) {
    this.server = server;
    this.conversation = conversation;
  }

  /** Listens at once; every connection runs {@code conversation}. */
  public static RawUpstream start(Conversation conversation) throws IOException {
    RawUpstream upstream =
        new RawUpstream(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), conversation);
    daemon("raw-upstream-accept", upstream::acceptLoop).start();
    return upstream;
  }

  /**
   * An app that answers every request of a connection, until the peer closes it, with what {@code
   * answer} makes of the request head (whole responses as raw text; requests carry no body).
   */
  public static RawUpstream answering(UnaryOperator<String> answer) throws IOException {
    return start(
        connection -> {
          String head;
          while ((head = connection.readHead()) != null) {
            connection.write(answer.apply(head));
          }
        });
  }

  /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  /** Connections accepted so far. */
  public int accepted() {
    return accepted.get();
  }

  /**
   * Connections whose conversation is over: it returned, or failed, as it does when it writes to a
   * connection the peer has closed. Each is closed.
   */
  public int ended() {
    return ended.get();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      Socket socket;
      try {
        socket = server.accept();
      } catch (IOException closed) {
        return;
      }
      accepted.incrementAndGet();
      open.add(socket);
      daemon("raw-upstream-connection", () -> converse(socket)).start();
    }
  }

  private void converse(Socket socket) {
    try (socket) {
      conversation.run(new Connection(socket));
    } catch (Exception peerLeftOrClosed) {
      // the conversation is over either way
    } finally {
      open.remove(socket);
      ended.incrementAndGet();
    }
  }

  private static Thread daemon(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    return thread;
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : open) {
      socket.close();
    }
  }
}
