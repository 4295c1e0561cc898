package dev.paastis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.paastis.provider.Providers;
import dev.paastis.testing.FakeProvider;
import dev.paastis.testing.LoopbackServer;
import dev.paastis.testing.MutableClock;
import dev.paastis.testing.TestConfigs;
import dev.paastis.testing.TestHttp;
import dev.paastis.testing.TestHttp.Response;
import dev.paastis.testing.TestUpstream;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Paastis#stop()} as TERM runs it: the proxy drains (new connections refused, idle ones
 * closed, requests in flight finish) within SHUTDOWN_GRACE, against real upstream servers that
 * answer only when the test lets them.
 */
class GracefulStopTest {

  /** Long enough never to run out in these tests unless they mean it to. */
  private static final Duration LONG_GRACE = Duration.ofMinutes(2);

  private static final int STREAMED_BYTES = 256 * 1024;

  private Vertx vertx;
  private HttpClient client;
  private WebSocketClient webSockets;
  private HeldUpstream held;
  private TestUpstream echo;
  private FakeProvider provider;
  private Paastis paastis;

  @BeforeEach
  void setUp() throws Exception {
    vertx = Vertx.vertx();
    client =
        vertx.createHttpClient(
            new HttpClientOptions().setKeepAlive(true), new PoolOptions().setHttp1MaxSize(100));
    webSockets = vertx.createWebSocketClient();
    held = new HeldUpstream(vertx);
    echo = TestUpstream.start(vertx);
    provider = new FakeProvider(vertx, "fake", Duration.ofSeconds(30));
    provider.withRunningApp("held", held.server.uri());
    provider.withRunningApp("echo", echo.uri());
    provider.withStoppedApp("sleepy", echo.uri());
  }

  @AfterEach
  void tearDown() {
    held.releaseAll();
    if (paastis != null) {
      paastis.stop().await();
    }
    vertx.close().await();
  }

  private void startPaastis(Consumer<TestConfigs> customize) {
    TestConfigs configs = new TestConfigs();
    customize.accept(configs);
    paastis =
        Paastis.create(
            configs.build(), vertx, new Providers(List.of(provider)), new MutableClock());
    paastis.start().await();
  }

  private Future<Response> get(String host, String uri) {
    return TestHttp.send(client, paastis.port(), HttpMethod.GET, host, uri, Map.of(), null);
  }

  private static <T> T result(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  private boolean refusesConnections() {
    try (Socket socket = new Socket("127.0.0.1", paastis.port())) {
      return false;
    } catch (ConnectException refused) {
      return true;
    } catch (IOException other) {
      return false;
    }
  }

  @Test
  void requests_in_flight_finish_with_their_bodies_while_new_connections_are_refused()
      throws Exception {
    provider.setStartDelay(Duration.ofSeconds(1));
    startPaastis(configs -> configs.shutdownGrace = LONG_GRACE);
    try (Socket idle = keepAliveConnectionThatServedOneRequest()) {
      List<Future<Response>> waiting = new ArrayList<>();
      List<Future<Response>> streaming = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        waiting.add(get("held.proxy.test", "/wait/" + i));
        streaming.add(get("held.proxy.test", "/stream/" + i));
      }
      Future<Response> waking = get("sleepy.proxy.test", "/woken");
      await().until(() -> held.requests.get() == 20 && provider.starts.get() == 1);

      Future<Void> stopped = paastis.stop();

      await().atMost(Duration.ofSeconds(20)).until(this::refusesConnections);
      assertThat(endOfStream(idle)).as("the idle keep-alive connection is closed").isTrue();
      assertThat(stopped.isComplete()).isFalse();
      held.releaseAll();
      for (Future<Response> response : waiting) {
        assertThat(result(response).status()).isEqualTo(200);
        assertThat(result(response).text()).isEqualTo("done");
        assertThat(result(response).headers().get("connection")).isEqualTo("close");
      }
      for (Future<Response> response : streaming) {
        assertThat(result(response).status()).isEqualTo(200);
        assertThat(result(response).body().length()).isEqualTo(STREAMED_BYTES);
      }
      assertThat(result(waking).status()).isEqualTo(200);
      assertThat(result(waking).json().getString("path")).isEqualTo("/woken");
      result(stopped);
      assertThat(paastis.lifecycle().inFlight()).isZero();
    }
  }

  @Test
  void a_request_still_running_when_the_grace_runs_out_is_cut_and_the_stop_completes()
      throws Exception {
    startPaastis(configs -> configs.shutdownGrace = Duration.ofSeconds(1));
    Future<Response> endless = get("held.proxy.test", "/wait/forever");
    await().until(() -> held.requests.get() == 1);

    result(paastis.stop());

    assertThatThrownBy(() -> result(endless)).hasMessageContaining("closed");
    assertThat(refusesConnections()).isTrue();
  }

  @Test
  void an_open_websocket_is_closed_at_once_rather_than_holding_the_stop() throws Exception {
    startPaastis(configs -> configs.shutdownGrace = LONG_GRACE);
    WebSocket socket =
        result(
            webSockets.connect(
                new WebSocketConnectOptions()
                    .setHost("127.0.0.1")
                    .setPort(paastis.port())
                    .setURI("/ws")
                    .addHeader("host", "echo.proxy.test")));
    List<String> echoes = new CopyOnWriteArrayList<>();
    socket.textMessageHandler(echoes::add);
    socket.writeTextMessage("ping");
    await().until(() -> echoes.contains("ping"));

    Future<Void> stopped = paastis.stop();

    // far less than the grace: the socket did not hold the stop
    await().atMost(Duration.ofSeconds(30)).until(stopped::isComplete);
    assertThat(socket.isClosed()).isTrue();
    // the tunnel carries bytes, not frames: the connection ends without a close frame (1006)
    assertThat(socket.closeStatusCode()).isEqualTo((short) 1006);
  }

  @Test
  void the_admin_event_stream_ends_at_once_rather_than_holding_the_stop() throws Exception {
    startPaastis(
        configs -> {
          configs.shutdownGrace = LONG_GRACE;
          configs.adminToken = java.util.Optional.of("admin-token-1234");
        });
    List<String> lines = new CopyOnWriteArrayList<>();
    Future<Void> streamEnded =
        client
            .request(
                new RequestOptions()
                    .setHost("127.0.0.1")
                    .setPort(paastis.adminPort())
                    .setURI("/api/events/stream")
                    .putHeader("authorization", "Bearer admin-token-1234"))
            .compose(request -> request.send())
            .compose(
                response -> {
                  response.handler(chunk -> lines.add(chunk.toString()));
                  return response.end();
                });
    await().until(() -> String.join("", lines).contains(": connected"));

    Future<Void> stopped = paastis.stop();

    result(streamEnded);
    await().atMost(Duration.ofSeconds(30)).until(stopped::isComplete);
  }

  @Test
  void no_tick_runs_once_the_stop_has_begun() throws Exception {
    startPaastis(
        configs -> {
          configs.shutdownGrace = LONG_GRACE;
          configs.cron = "* * * * * *";
        });
    Future<Response> inFlight = get("held.proxy.test", "/wait/during-the-ticks");
    await().until(() -> held.requests.get() == 1);
    await().until(() -> provider.listCalls.get() >= 2); // the cron runs

    Future<Void> stopped = paastis.stop();
    int listedBefore = provider.listCalls.get();
    Thread.sleep(2_500); // two cron seconds and more, while the drain waits for the request

    assertThat(provider.listCalls.get()).isLessThanOrEqualTo(listedBefore + 1); // one under way
    int listedAfter = provider.listCalls.get();
    Thread.sleep(1_500);
    assertThat(provider.listCalls.get()).isEqualTo(listedAfter);
    held.releaseAll();
    assertThat(result(inFlight).status()).isEqualTo(200);
    result(stopped);
  }

  /** A raw HTTP/1.1 connection to the proxy that got one answer and stays open, idle. */
  private Socket keepAliveConnectionThatServedOneRequest() throws IOException {
    Socket socket = new Socket("127.0.0.1", paastis.port());
    socket.setSoTimeout(30_000);
    OutputStream out = socket.getOutputStream();
    out.write(
        "GET /hello HTTP/1.1\r\nHost: echo.proxy.test\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    out.flush();
    InputStream in = socket.getInputStream();
    String head = readHead(in);
    assertThat(head).startsWith("HTTP/1.1 200");
    int length = contentLength(head);
    assertThat(in.readNBytes(length)).hasSize(length);
    return socket;
  }

  /** True when the peer closed the connection (read times out after 30 s otherwise). */
  private static boolean endOfStream(Socket socket) {
    try {
      return socket.getInputStream().read() == -1;
    } catch (IOException reset) {
      return true;
    }
  }

  private static String readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int next = in.read();
      if (next < 0) {
        throw new IOException("closed in the head: " + head);
      }
      head.append((char) next);
    }
    return head.toString();
  }

  private static int contentLength(String head) {
    return head.lines()
        .filter(line -> line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:"))
        .map(line -> Integer.parseInt(line.substring(line.indexOf(':') + 1).trim()))
        .findFirst()
        .orElseThrow();
  }

  /**
   * An upstream that holds every request until {@link #releaseAll()}: {@code /wait/…} sends nothing
   * before, {@code /stream/…} sends its head and a first chunk at once, and the rest after.
   */
  private static final class HeldUpstream {
    final LoopbackServer server;
    final AtomicInteger requests = new AtomicInteger();
    private final List<Runnable> pending = new CopyOnWriteArrayList<>();

    HeldUpstream(Vertx vertx) {
      this.server = LoopbackServer.start(vertx, this::hold);
    }

    private void hold(HttpServerRequest request) {
      HttpServerResponse response = request.response();
      if (request.path().startsWith("/stream/")) {
        response.setChunked(true).write(Buffer.buffer(new byte[1024]));
        pending.add(() -> response.end(Buffer.buffer(new byte[STREAMED_BYTES - 1024])));
      } else {
        pending.add(() -> response.end("done"));
      }
      requests.incrementAndGet();
    }

    void releaseAll() {
      List<Runnable> now = List.copyOf(pending);
      pending.removeAll(now);
      for (Runnable release : now) {
        try {
          release.run();
        } catch (IllegalStateException closedMeanwhile) {
          // the proxy cut this one: nothing to answer
        }
      }
    }
  }
}
