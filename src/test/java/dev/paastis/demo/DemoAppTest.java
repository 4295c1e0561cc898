package dev.paastis.demo;

import static dev.paastis.provider.local.LocalTesting.get;
import static dev.paastis.provider.local.LocalTesting.join;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paastis.provider.local.LocalTesting;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo app's routes, served in-process on an ephemeral port. */
class DemoAppTest {

  private static Vertx vertx;
  private static HttpClient http;
  private static int port;

  @BeforeAll
  static void startDemo() {
    vertx = Vertx.vertx();
    http = vertx.createHttpClient();
    port = join(DemoServer.start(vertx, "shop", 0)).actualPort();
  }

  @AfterAll
  static void stopDemo() {
    join(vertx.close());
  }

  @Test
  void indexGreetsInHtmlAndDescribesItselfInJson() {
    LocalTesting.Reply html = get(http, port, "/", "text/html");
    JsonObject json = get(http, port, "/", "application/json").body().toJsonObject();

    assertThat(html.status()).isEqualTo(200);
    assertThat(html.headers().get("content-type")).startsWith("text/html");
    assertThat(html.text()).contains("Hello from shop");
    assertThat(json.getString("app")).isEqualTo("shop");
    assertThat(json.getLong("pid")).isEqualTo(ProcessHandle.current().pid());
    assertThat(json.fieldNames())
        .containsExactlyInAnyOrder("app", "pid", "startedAt", "uptimeSeconds");
  }

  @Test
  void healthAnswersOk() {
    LocalTesting.Reply health = get(http, port, "/health", "*/*");

    assertThat(health.status()).isEqualTo(200);
    assertThat(health.text()).isEqualTo("ok");
  }

  @Test
  void echoDescribesTheRequestAndHashesAOneMegabyteBody() throws Exception {
    byte[] body = new byte[1024 * 1024];
    new Random(42).nextBytes(body);
    RequestOptions post =
        new RequestOptions()
            .setMethod(HttpMethod.PUT)
            .setHost("127.0.0.1")
            .setPort(port)
            .setURI("/echo?a=1&a=2&b")
            .addHeader("X-Multi", "one")
            .addHeader("X-Multi", "two");

    JsonObject echo =
        join(LocalTesting.send(http, post, Buffer.buffer(body))).body().toJsonObject();

    assertThat(echo.getString("method")).isEqualTo("PUT");
    assertThat(echo.getString("path")).isEqualTo("/echo");
    assertThat(echo.getString("query")).isEqualTo("a=1&a=2&b");
    assertThat(echo.getJsonObject("headers").getJsonArray("x-multi").getList())
        .containsExactly("one", "two");
    assertThat(echo.getLong("bodyLength")).isEqualTo(body.length);
    assertThat(echo.getString("bodySha256")).isEqualTo(sha256(body));
  }

  @Test
  void downloadStreamsExactlyTheBytesAskedForInTheRepeatingPattern() throws Exception {
    int size = 3 * DownloadRoute.CHUNK_SIZE + 1000;

    LocalTesting.Reply download = get(http, port, "/download?bytes=" + size, "*/*");

    assertThat(download.headers().get("content-length")).isEqualTo(Integer.toString(size));
    assertThat(download.body().length()).isEqualTo(size);
    assertThat(sha256(download.body().getBytes()))
        .isEqualTo(sha256(DownloadRoute.pattern(size).getBytes()));
  }

  @Test
  void sseSendsTheEventsAskedForThenEnds() {
    LocalTesting.Reply sse = get(http, port, "/sse?count=3&intervalMs=10", "text/event-stream");

    assertThat(sse.headers().get("content-type")).isEqualTo("text/event-stream");
    assertThat(sse.text()).isEqualTo("data: 1\n\ndata: 2\n\ndata: 3\n\n");
  }

  @Test
  void slowAnswersAfterItsTimer() {
    LocalTesting.Reply slow = get(http, port, "/slow?ms=50", "*/*");

    assertThat(slow.status()).isEqualTo(200);
    assertThat(slow.text()).contains("50 ms");
  }

  @Test
  void busyAnswers423WhileTheBusyFileExistsAnd200Otherwise(@TempDir Path dir) throws Exception {
    Path busyFile = dir.resolve("job.lock");
    int busyPort = join(DemoServer.start(vertx, "worker", 0, Optional.of(busyFile))).actualPort();

    assertThat(get(http, busyPort, "/busy", "*/*").status()).isEqualTo(200);
    Files.createFile(busyFile);
    assertThat(get(http, busyPort, "/busy", "*/*").status()).isEqualTo(423);
    Files.delete(busyFile);
    assertThat(get(http, busyPort, "/busy", "*/*").status()).isEqualTo(200);
  }

  @Test
  void withoutABusyFileTheAppIsNeverBusy() {
    assertThat(get(http, port, "/busy", "*/*").status()).isEqualTo(200);
  }

  @Test
  void rejectsABadParameterAndAnUnknownPath() {
    assertThat(get(http, port, "/download?bytes=-1", "*/*").status()).isEqualTo(400);
    assertThat(get(http, port, "/slow?ms=soon", "*/*").status()).isEqualTo(400);
    assertThat(get(http, port, "/nowhere", "*/*").status()).isEqualTo(404);
    assertThat(get(http, port, "/ws", "*/*").status()).isEqualTo(400);
  }

  @Test
  void webSocketEchoesTextAndBinaryMessages() {
    WebSocketClient client = vertx.createWebSocketClient();
    Future<List<Object>> echoed =
        client
            .connect(port, "127.0.0.1", "/ws")
            .compose(DemoAppTest::exchangeTwoMessages)
            .eventually(client::close);

    assertThat(join(echoed)).containsExactly("hello", Buffer.buffer(new byte[] {1, 2, 3}));
  }

  private static Future<List<Object>> exchangeTwoMessages(WebSocket ws) {
    Promise<String> text = Promise.promise();
    Promise<Buffer> binary = Promise.promise();
    ws.textMessageHandler(text::tryComplete);
    ws.binaryMessageHandler(binary::tryComplete);
    ws.writeTextMessage("hello");
    ws.writeBinaryMessage(Buffer.buffer(new byte[] {1, 2, 3}));
    return Future.all(text.future(), binary.future())
        .map(all -> List.<Object>of(all.resultAt(0), all.resultAt(1)));
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
