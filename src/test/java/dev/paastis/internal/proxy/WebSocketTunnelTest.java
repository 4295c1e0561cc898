package dev.paastis.internal.proxy;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paastis.Paastis;
import dev.paastis.app.AppState;
import dev.paastis.provider.Providers;
import dev.paastis.testing.FakeProvider;
import dev.paastis.testing.MutableClock;
import dev.paastis.testing.TestConfigs;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketBase;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * WebSockets through the real server as a byte tunnel: real upstream servers and real clients on
 * loopback, the app known to an in-process provider.
 */
class WebSocketTunnelTest {

  private static final int MIB = 1024 * 1024;
  private static final String HOST = "chat.proxy.test";

  private Vertx vertx;
  private FakeProvider provider;
  private Paastis paastis;
  // kept in a field: Vert.x 5 closes a client nothing refers to any more
  private WebSocketClient webSockets;

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
    provider = new FakeProvider(vertx, "fake", Duration.ofSeconds(5));
  }

  @AfterEach
  void tearDown() throws Exception {
    // bounded: closing waits for queued bytes to be flushed, which a peer that stopped reading
    // never lets happen, so a tunnel without back-pressure would hang here instead of failing
    if (paastis != null) {
      paastis.stop().await(60, TimeUnit.SECONDS);
    }
    vertx.close().await(60, TimeUnit.SECONDS);
  }

  @Test
  void the_handshake_reaches_the_app_end_to_end_with_its_host_and_forwarded_headers()
      throws Exception {
    AtomicReference<MultiMap> atApp = new AtomicReference<>();
    HttpServer app =
        upstream(
            new HttpServerOptions().setWebSocketSubProtocols(List.of("chat.v2")),
            request -> request.response().end("up"),
            ws -> atApp.set(ws.headers()));
    provider.withRunningApp("chat", URI.create("http://127.0.0.1:" + app.actualPort()));
    startPaastis();
    webSockets = vertx.createWebSocketClient();

    WebSocket socket =
        result(
            webSockets.connect(
                new WebSocketConnectOptions()
                    .setHost("127.0.0.1")
                    .setPort(paastis.port())
                    .setURI("/ws?room=1")
                    .addHeader("host", HOST)
                    .addHeader("origin", "http://" + HOST)
                    .addHeader("x-request-id", "42")
                    .setSubProtocols(List.of("chat.v1", "chat.v2"))));

    MultiMap headers = atApp.get();
    assertThat(headers.get("host")).isEqualTo("127.0.0.1:" + app.actualPort());
    assertThat(headers.get("origin")).isEqualTo("http://127.0.0.1:" + app.actualPort());
    assertThat(headers.get("x-forwarded-host")).isEqualTo(HOST);
    assertThat(headers.get("x-forwarded-for")).isEqualTo("127.0.0.1");
    assertThat(headers.get("x-request-id")).isEqualTo("42");
    assertThat(headers.get("sec-websocket-protocol")).isEqualTo("chat.v1,chat.v2");
    assertThat(headers.get("upgrade")).isEqualToIgnoringCase("websocket");
    assertThat(socket.subProtocol()).isEqualTo("chat.v2");
  }

  @Test
  void a_1_MiB_binary_frame_crosses_intact_each_way() throws Exception {
    byte[] toApp = randomBytes(MIB, 1);
    byte[] toClient = randomBytes(MIB, 2);
    AtomicReference<WebSocketFrame> atApp = new AtomicReference<>();
    startApp(
        new HttpServerOptions()
            .setMaxWebSocketFrameSize(2 * MIB)
            .setMaxWebSocketMessageSize(2 * MIB),
        ws ->
            ws.frameHandler(
                frame -> {
                  atApp.set(frame);
                  ws.writeFrame(WebSocketFrame.binaryFrame(Buffer.buffer(toClient), true));
                }));
    WebSocket socket =
        connect(new WebSocketClientOptions().setMaxFrameSize(2 * MIB).setMaxMessageSize(2 * MIB));
    AtomicReference<WebSocketFrame> atClient = new AtomicReference<>();
    socket.frameHandler(atClient::set);

    socket.writeFrame(WebSocketFrame.binaryFrame(Buffer.buffer(toApp), true));

    await().atMost(Duration.ofSeconds(60)).until(() -> atClient.get() != null);
    assertThat(atApp.get().isFinal()).isTrue();
    assertThat(atApp.get().binaryData().getBytes()).isEqualTo(toApp);
    assertThat(atClient.get().isFinal()).isTrue();
    assertThat(atClient.get().binaryData().getBytes()).isEqualTo(toClient);
  }

  @Test
  void permessage_deflate_is_agreed_between_the_client_and_the_app() throws Exception {
    AtomicReference<String> offered = new AtomicReference<>();
    startApp(
        new HttpServerOptions().setPerMessageWebSocketCompressionSupported(true),
        ws -> {
          offered.set(ws.headers().get("sec-websocket-extensions"));
          ws.textMessageHandler(ws::writeTextMessage);
        });
    WebSocket socket = connect(new WebSocketClientOptions().setTryUsePerMessageCompression(true));
    String accepted = socket.headers().get("sec-websocket-extensions");
    String message = "all work and no play makes Jack a dull boy ".repeat(2_000);
    AtomicReference<String> echo = new AtomicReference<>();
    socket.textMessageHandler(echo::set);

    socket.writeTextMessage(message);

    assertThat(offered.get()).startsWith("permessage-deflate");
    assertThat(accepted).startsWith("permessage-deflate");
    await().until(() -> echo.get() != null);
    assertThat(echo.get()).isEqualTo(message);
  }

  @Test
  void an_app_writing_to_a_client_that_does_not_read_is_held_back() throws Exception {
    AtomicReference<StallingWriter> writer = new AtomicReference<>();
    startApp(new HttpServerOptions(), ws -> writer.set(StallingWriter.start(ws)));
    try (RawClient client = RawClient.upgrade(paastis.port(), HOST)) {
      assertThat(client.head()).startsWith("HTTP/1.1 101");
      // the client reads nothing more

      awaitStalled(writer);
      assertThat(writer.get().written()).isGreaterThan(0).isLessThan(64L * MIB);
    }
    await().until(() -> paastis.lifecycle().catalog().inFlight("chat") == 0);
  }

  @Test
  void a_client_writing_to_an_app_that_does_not_read_is_held_back_until_it_reads()
      throws Exception {
    AtomicReference<ServerWebSocket> atApp = new AtomicReference<>();
    AtomicLong received = new AtomicLong();
    startApp(
        new HttpServerOptions(),
        ws -> {
          ws.binaryMessageHandler(bytes -> received.addAndGet(bytes.length()));
          ws.pause();
          atApp.set(ws);
        });
    AtomicReference<StallingWriter> writer = new AtomicReference<>();
    WebSocket socket =
        result(
            connecting(new WebSocketClientOptions())
                .onSuccess(opened -> writer.set(StallingWriter.start(opened))));

    awaitStalled(writer);
    long written = writer.get().stop();
    assertThat(written).isGreaterThan(0).isLessThan(64L * MIB);

    atApp.get().resume();
    await().atMost(Duration.ofSeconds(60)).until(() -> received.get() == written);
    socket.close().await();
    await().until(() -> paastis.lifecycle().catalog().inFlight("chat") == 0);
  }

  @Test
  void what_an_app_sent_before_closing_reaches_a_slower_client() throws Exception {
    byte[] sent = randomBytes(8 * MIB, 3);
    // an app speaking raw bytes after its 101: Paastis does not look at frames
    NetServer app = vertx.createNetServer().connectHandler(socket -> answerThenSend(socket, sent));
    app.listen(0, "127.0.0.1").await();
    provider.withRunningApp("chat", URI.create("http://127.0.0.1:" + app.actualPort()));
    startPaastis();

    try (RawClient client = RawClient.upgrade(paastis.port(), HOST, 4 * 1024)) {
      assertThat(client.head()).startsWith("HTTP/1.1 101");
      byte[] received = client.readSlowlyToEnd();

      assertThat(received.length).isEqualTo(sent.length);
      assertThat(sha256(received)).isEqualTo(sha256(sent));
    }
    await().until(() -> paastis.lifecycle().catalog().inFlight("chat") == 0);
  }

  @Test
  void a_refused_upgrade_reaches_the_client_with_its_body_then_the_connection_closes()
      throws Exception {
    startApp(
        new HttpServerOptions(),
        request ->
            request
                .response()
                .setStatusCode(403)
                .putHeader("content-type", "text/plain")
                .end("no WebSockets for you"),
        null);

    try (RawClient client = RawClient.upgrade(paastis.port(), HOST)) {
      String response = new String(client.readToEnd(), ISO_8859_1);

      assertThat(response).startsWith("HTTP/1.1 403");
      assertThat(response.toLowerCase()).contains("\r\nconnection: close\r\n");
      assertThat(response).endsWith("\r\n\r\nno WebSockets for you");
    }
    await().until(() -> paastis.lifecycle().catalog().inFlight("chat") == 0);
  }

  @Test
  void an_unreachable_app_gets_a_502_naming_it_then_the_connection_closes() throws Exception {
    int closedPort;
    try (ServerSocket free = new ServerSocket(0)) {
      closedPort = free.getLocalPort();
    }
    provider.withRunningApp("chat", URI.create("http://127.0.0.1:" + closedPort));
    startPaastis();

    try (RawClient client = RawClient.upgrade(paastis.port(), HOST)) {
      String response = new String(client.readToEnd(), ISO_8859_1);

      assertThat(response).startsWith("HTTP/1.1 502");
      assertThat(response.toLowerCase()).contains("\r\nconnection: close\r\n");
      assertThat(response).contains("\"app\":\"chat\"");
    }
    await().until(() -> paastis.lifecycle().catalog().inFlight("chat") == 0);
  }

  @Test
  void the_lease_ends_when_the_app_closes_the_websocket() throws Exception {
    startApp(new HttpServerOptions(), ws -> ws.textMessageHandler(text -> ws.close()));
    WebSocket socket = connect(new WebSocketClientOptions());
    AtomicBoolean closed = new AtomicBoolean();
    socket.closeHandler(end -> closed.set(true));
    assertThat(paastis.lifecycle().catalog().inFlight("chat")).isEqualTo(1);

    socket.writeTextMessage("bye");

    await().untilTrue(closed);
    assertThat(socket.closeStatusCode()).isEqualTo((short) 1000);
    await().until(() -> paastis.lifecycle().catalog().inFlight("chat") == 0);
  }

  @Test
  void the_lease_ends_when_the_client_closes_the_websocket() throws Exception {
    AtomicBoolean closedAtApp = new AtomicBoolean();
    startApp(new HttpServerOptions(), ws -> ws.closeHandler(end -> closedAtApp.set(true)));
    WebSocket socket = connect(new WebSocketClientOptions());
    assertThat(paastis.lifecycle().catalog().inFlight("chat")).isEqualTo(1);

    socket.close().await();

    await().untilTrue(closedAtApp);
    await().until(() -> paastis.lifecycle().catalog().inFlight("chat") == 0);
  }

  @Test
  void a_websocket_to_a_sleeping_app_waits_for_the_wake_then_passes() throws Exception {
    // as behind a platform's router: the web URL answers as the app only while the app runs
    AtomicReference<URI> url = new AtomicReference<>();
    HttpServer app =
        upstream(
            new HttpServerOptions(),
            request ->
                request.response().setStatusCode(provider.serves(url.get()) ? 200 : 503).end("up"),
            ws -> ws.textMessageHandler(ws::writeTextMessage));
    url.set(URI.create("http://127.0.0.1:" + app.actualPort()));
    provider.withStoppedApp("chat", url.get());
    startPaastis();

    WebSocket socket = connect(new WebSocketClientOptions());
    AtomicReference<String> echo = new AtomicReference<>();
    socket.textMessageHandler(echo::set);
    socket.writeTextMessage("awake?");

    await().until(() -> "awake?".equals(echo.get()));
    assertThat(provider.stateOf("chat")).isEqualTo(AppState.RUNNING);
  }

  private void startPaastis() {
    paastis =
        Paastis.create(
            new TestConfigs().build(), vertx, new Providers(List.of(provider)), new MutableClock());
    paastis.start().await();
  }

  /** The app {@code chat}, running, served by a WebSocket handler; plain requests get 200. */
  private void startApp(HttpServerOptions options, Handler<ServerWebSocket> webSockets) {
    startApp(options, request -> request.response().end("up"), webSockets);
  }

  private void startApp(
      HttpServerOptions options,
      Handler<HttpServerRequest> requests,
      Handler<ServerWebSocket> webSockets) {
    HttpServer app = upstream(options, requests, webSockets);
    provider.withRunningApp("chat", URI.create("http://127.0.0.1:" + app.actualPort()));
    startPaastis();
  }

  private HttpServer upstream(
      HttpServerOptions options,
      Handler<HttpServerRequest> requests,
      Handler<ServerWebSocket> webSockets) {
    HttpServer server = vertx.createHttpServer(options).requestHandler(requests);
    if (webSockets != null) {
      server.webSocketHandler(webSockets);
    }
    server.listen(0, "127.0.0.1").await();
    return server;
  }

  private WebSocket connect(WebSocketClientOptions options) throws Exception {
    return result(connecting(options));
  }

  /** A WebSocket to the app through Paastis; callbacks on the future run on its event loop. */
  private Future<WebSocket> connecting(WebSocketClientOptions options) {
    webSockets = vertx.createWebSocketClient(options);
    return webSockets.connect(
        new WebSocketConnectOptions()
            .setHost("127.0.0.1")
            .setPort(paastis.port())
            .setURI("/ws")
            .addHeader("host", HOST));
  }

  private static <T> T result(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  /**
   * Waits until the writer has been stalled for a while: a tunnel that buffered without bound would
   * drain it again at once.
   */
  private static void awaitStalled(AtomicReference<StallingWriter> writer) {
    await()
        .atMost(Duration.ofSeconds(60))
        .during(Duration.ofMillis(500))
        .until(() -> writer.get() != null && writer.get().stalled());
  }

  /** Answers the handshake with a 101, sends {@code bytes}, then closes. */
  private static void answerThenSend(NetSocket socket, byte[] bytes) {
    Buffer request = Buffer.buffer();
    socket.handler(
        chunk -> {
          request.appendBuffer(chunk);
          if (request.toString(ISO_8859_1).contains("\r\n\r\n")) {
            socket.handler(null);
            socket.write(
                "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Accept: any\r\n\r\n");
            socket.write(Buffer.buffer(bytes));
            socket.close();
          }
        });
  }

  private static byte[] randomBytes(int length, long seed) {
    byte[] bytes = new byte[length];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  private static byte[] sha256(byte[] bytes) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(bytes);
  }

  /**
   * Writes 64 KiB binary messages for as long as the socket takes them, then waits for a drain;
   * stops at 256 MiB, so that a tunnel without back-pressure fails the test rather than the JVM.
   * Runs on the socket's event loop.
   */
  private static final class StallingWriter {

    private static final Buffer CHUNK = Buffer.buffer(randomBytes(64 * 1024, 4));
    private static final long LIMIT = 256L * MIB;

    private final WebSocketBase socket;
    private final AtomicLong written = new AtomicLong();
    private volatile boolean stalled;
    private volatile boolean stopped;

    private StallingWriter(WebSocketBase socket) {
      this.socket = socket;
    }

    static StallingWriter start(WebSocketBase socket) {
      StallingWriter writer = new StallingWriter(socket);
      socket.drainHandler(drained -> writer.write());
      writer.write();
      return writer;
    }

    private void write() {
      stalled = false;
      while (!stopped && !socket.writeQueueFull() && written.get() < LIMIT) {
        socket.writeBinaryMessage(CHUNK);
        written.addAndGet(CHUNK.length());
      }
      stalled = socket.writeQueueFull();
    }

    /** Writes no more; returns what was written. Call it while stalled. */
    long stop() {
      stopped = true;
      return written.get();
    }

    boolean stalled() {
      return stalled;
    }

    long written() {
      return written.get();
    }
  }

  /** A client on a plain socket: it sends a WebSocket handshake and reads only when told to. */
  private static final class RawClient implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;

    private RawClient(Socket socket) throws IOException {
      this.socket = socket;
      this.in = socket.getInputStream();
    }

    static RawClient upgrade(int port, String host) throws IOException {
      return upgrade(port, host, 64 * 1024);
    }

    static RawClient upgrade(int port, String host, int receiveBuffer) throws IOException {
      Socket socket = new Socket();
      socket.setReceiveBufferSize(receiveBuffer);
      socket.connect(new InetSocketAddress("127.0.0.1", port));
      socket.setSoTimeout(60_000); // a connection left open fails the test instead of hanging it
      socket
          .getOutputStream()
          .write(
              ("GET /ws HTTP/1.1\r\nHost: "
                      + host
                      + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                      + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                      + "Sec-WebSocket-Version: 13\r\n\r\n")
                  .getBytes(ISO_8859_1));
      return new RawClient(socket);
    }

    /** The response head, read byte by byte so that nothing after it is consumed. */
    String head() throws IOException {
      StringBuilder head = new StringBuilder();
      while (!head.toString().endsWith("\r\n\r\n")) {
        int read = in.read();
        if (read < 0) {
          break;
        }
        head.append((char) read);
      }
      return head.toString();
    }

    byte[] readToEnd() throws IOException {
      return in.readAllBytes();
    }

    /** Reads until the end in small pieces, so that Paastis has to hold the sender back. */
    byte[] readSlowlyToEnd() throws IOException {
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      byte[] piece = new byte[1024];
      int read;
      while ((read = in.read(piece)) >= 0) {
        received.write(piece, 0, read);
      }
      return received.toByteArray();
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
