package dev.paastis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.paastis.provider.Providers;
import dev.paastis.testing.FakeProvider;
import dev.paastis.testing.LoopbackServer;
import dev.paastis.testing.MutableClock;
import dev.paastis.testing.RawHttp;
import dev.paastis.testing.RawUpstream;
import dev.paastis.testing.TestConfigs;
import dev.paastis.testing.TestHttp;
import dev.paastis.testing.TestHttps;
import dev.paastis.testing.TestUpstream;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.io.EOFException;
import java.net.URI;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * HTTP forwarding to an app that is awake, black-box: the real server on loopback, driven through
 * real sockets, raw ones where the bytes on the wire matter. Pins what the hot path must keep doing
 * whatever it is built on: the order of pipelined responses, upstream connections reused, message
 * framing both ways (bodies delimited by a close, chunked HEAD answers, 204 and 304, Expect,
 * HTTP/1.0), large bodies streamed, and what happens when either side leaves mid-exchange.
 *
 * <p>Every app is running at its provider when Paastis starts, so every request takes the awake
 * path; {@link #noAppWasWoken} checks that none needed a wake.
 */
class ProxyForwardingTest {

  private static final Duration BOUND = Duration.ofSeconds(5);

  private Vertx vertx;
  private HttpClient client;
  private TestUpstream upstream;
  private FakeProvider provider;
  private Paastis paastis;
  private final List<AutoCloseable> apps = new ArrayList<>();

  /** Wakes a test expects: most take the awake path (the hot path) and expect none. */
  private int expectedStarts;

  @BeforeEach
  void setUp() throws Exception {
    vertx = Vertx.vertx();
    client =
        vertx.createHttpClient(
            new HttpClientOptions().setKeepAlive(true), new PoolOptions().setHttp1MaxSize(4));
    upstream = TestUpstream.start(vertx);
    provider = new FakeProvider(vertx, "fake", Duration.ofSeconds(5));
    provider.withRunningApp("app", upstream.uri());
  }

  @AfterEach
  void noAppWasWoken() throws Exception {
    try {
      assertThat(provider.starts)
          .as("apps woken: the awake path was not taken")
          .hasValue(expectedStarts);
    } finally {
      if (paastis != null) {
        paastis.stop().await();
      }
      for (AutoCloseable app : apps) {
        app.close();
      }
      vertx.close().await();
    }
  }

  private void startPaastis() {
    paastis =
        Paastis.create(
            new TestConfigs().build(), vertx, new Providers(List.of(provider)), new MutableClock());
    paastis.start().await();
  }

  /** A raw app, running at the provider as {@code name} (reached as {@code <name>.test}). */
  private RawUpstream rawApp(String name, RawUpstream upstream) {
    apps.add(upstream);
    provider.withRunningApp(name, upstream.uri());
    return upstream;
  }

  private RawHttp connect() throws Exception {
    return RawHttp.connect(paastis.port()).timeout(BOUND);
  }

  private static String get(String host, String path) {
    return "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n";
  }

  private static String pathOf(RawHttp.Response response) {
    return new JsonObject(response.text()).getString("path");
  }

  @Test
  void pipelined_requests_get_their_responses_in_order() throws Exception {
    startPaastis();
    try (RawHttp raw = connect()) {
      // the first is the slowest to answer: responses sent as they come would overtake it
      raw.send(get("app.test", "/slow?ms=300") + get("app.test", "/one") + get("app.test", "/two"));

      RawHttp.Response slow = raw.readResponse();
      RawHttp.Response one = raw.readResponse();
      RawHttp.Response two = raw.readResponse();

      assertThat(slow.status()).isEqualTo(200);
      assertThat(slow.text()).isEqualTo("slow done");
      assertThat(one.status()).isEqualTo(200);
      assertThat(pathOf(one)).isEqualTo("/one");
      assertThat(two.status()).isEqualTo(200);
      assertThat(pathOf(two)).isEqualTo("/two");
      assertThat(raw.unparsed()).isZero();
    }
  }

  @Test
  void pipelined_requests_to_an_awake_and_an_unknown_app_keep_their_order() throws Exception {
    startPaastis();
    try (RawHttp raw = connect()) {
      raw.send(get("app.test", "/slow?ms=200") + get("nope.test", "/") + get("app.test", "/after"));

      RawHttp.Response first = raw.readResponse();
      RawHttp.Response unknown = raw.readResponse();
      RawHttp.Response last = raw.readResponse();

      assertThat(first.status()).isEqualTo(200);
      assertThat(first.text()).isEqualTo("slow done");
      assertThat(unknown.status()).isEqualTo(404);
      assertThat(new JsonObject(unknown.text()).getString("app")).isEqualTo("nope");
      assertThat(last.status()).isEqualTo(200);
      assertThat(pathOf(last)).isEqualTo("/after");
    }
  }

  @Test
  void one_upstream_connection_serves_many_sequential_requests() throws Exception {
    startPaastis();
    int before = upstream.connections.get();
    try (RawHttp raw = connect()) {
      for (int i = 0; i < 50; i++) {
        RawHttp.Response response = raw.send(get("app.test", "/n/" + i)).readResponse();
        assertThat(response.status()).isEqualTo(200);
        assertThat(pathOf(response)).isEqualTo("/n/" + i);
      }
    }
    assertThat(upstream.requests).hasValue(50);
    assertThat(upstream.connections.get() - before).isBetween(1, 2);
  }

  @Test
  void an_upstream_closing_an_idle_keep_alive_connection_does_not_fail_the_next_request()
      throws Exception {
    RawUpstream app =
        rawApp(
            "brief",
            RawUpstream.start(
                connection -> {
                  if (connection.readHead() != null) {
                    connection.write(
                        "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nConnection: keep-alive\r\n\r\n"
                            + "hello");
                    Thread.sleep(100);
                  }
                }));
    startPaastis();
    try (RawHttp raw = connect()) {
      assertThat(raw.send(get("brief.test", "/first")).readResponse().status()).isEqualTo(200);
      await().atMost(BOUND).until(() -> app.ended() == 1);
      // nothing outside tells when Paastis has read the close: give its event loop a moment
      Thread.sleep(200);

      RawHttp.Response next = raw.send(get("brief.test", "/next")).readResponse();

      assertThat(next.status()).isEqualTo(200);
      assertThat(next.text()).isEqualTo("hello");
    }
    assertThat(app.accepted()).isEqualTo(2);
  }

  @Test
  void a_close_delimited_upstream_body_reaches_the_client_whole() throws Exception {
    byte[] body = randomBytes(100 * 1024);
    rawApp(
        "plain",
        RawUpstream.start(
            connection -> {
              connection.readHead();
              connection.write(
                  "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\n"
                      + "Connection: close\r\n\r\n");
              connection.write(body);
            }));
    startPaastis();
    try (RawHttp raw = connect()) {
      RawHttp.Response response = raw.send(get("plain.test", "/")).readResponse();

      assertThat(response.status()).isEqualTo(200);
      assertThat(response.body()).hasSize(body.length);
      assertThat(sha256(response.body())).isEqualTo(sha256(body));
    }
  }

  @Test
  void head_to_a_chunked_upstream_gets_headers_and_no_body() throws Exception {
    String head =
        "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n";
    rawApp(
        "chunky",
        RawUpstream.answering(
            request -> request.startsWith("HEAD ") ? head : head + "5\r\nhello\r\n0\r\n\r\n"));
    startPaastis();
    try (RawHttp raw = connect()) {
      RawHttp.Response headers =
          raw.send("HEAD / HTTP/1.1\r\nHost: chunky.test\r\n\r\n").readHeadResponse();
      // a stray "0\r\n\r\n" after the HEAD response would come before the GET's status line
      RawHttp.Response got = raw.send(get("chunky.test", "/")).readResponse();

      assertThat(headers.status()).isEqualTo(200);
      assertThat(headers.headers()).containsEntry("content-type", "text/plain");
      assertThat(headers.body()).isEmpty();
      assertThat(got.status()).isEqualTo(200);
      assertThat(got.text()).isEqualTo("hello");
      assertThat(raw.unparsed()).isZero();
    }
  }

  @Test
  void no_content_and_not_modified_responses_carry_no_body() throws Exception {
    rawApp(
        "cache",
        RawUpstream.answering(
            request -> {
              if (request.startsWith("GET /204 ")) {
                return "HTTP/1.1 204 No Content\r\n\r\n";
              }
              if (request.startsWith("GET /304 ")) {
                return "HTTP/1.1 304 Not Modified\r\nETag: \"v1\"\r\n\r\n";
              }
              return "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
            }));
    startPaastis();
    try (RawHttp raw = connect()) {
      RawHttp.Response noContent = raw.send(get("cache.test", "/204")).readResponse();
      RawHttp.Response notModified =
          raw.send("GET /304 HTTP/1.1\r\nHost: cache.test\r\nIf-None-Match: \"v1\"\r\n\r\n")
              .readResponse();
      // stray body bytes after either would come before this one's status line
      RawHttp.Response next = raw.send(get("cache.test", "/ok")).readResponse();

      assertThat(noContent.status()).isEqualTo(204);
      assertThat(noContent.headers()).doesNotContainKey("transfer-encoding");
      assertThat(notModified.status()).isEqualTo(304);
      assertThat(notModified.headers()).containsEntry("etag", "\"v1\"");
      assertThat(notModified.headers()).doesNotContainKey("transfer-encoding");
      assertThat(next.status()).isEqualTo(200);
      assertThat(next.text()).isEqualTo("ok");
      assertThat(raw.unparsed()).isZero();
    }
  }

  @Test
  void a_client_asking_to_close_gets_its_response_then_the_connection_closes() throws Exception {
    startPaastis();
    try (RawHttp raw = connect()) {
      RawHttp.Response response =
          raw.send("GET /bye HTTP/1.1\r\nHost: app.test\r\nConnection: close\r\n\r\n")
              .readResponse();

      assertThat(response.status()).isEqualTo(200);
      assertThat(pathOf(response)).isEqualTo("/bye");
      assertThat(raw.closesWithin((int) BOUND.toMillis())).isTrue();
      assertThat(raw.unparsed()).isZero();
    }
  }

  @ParameterizedTest(name = "uploaded chunked: {0}")
  @ValueSource(booleans = {true, false})
  void a_10_MB_upload_and_a_10_MB_download_stream_through_intact(boolean chunked) throws Exception {
    AtomicReference<String> received = new AtomicReference<>();
    LoopbackServer echo =
        LoopbackServer.start(
            vertx,
            request -> {
              // the body back as it comes, framed as it came; its digest kept for the test
              HttpServerResponse response = request.response();
              String length = request.getHeader("content-length");
              if (length != null) {
                response.putHeader("content-length", length);
              } else {
                response.setChunked(true);
              }
              MessageDigest digest = newSha256();
              request.handler(
                  bytes -> {
                    digest.update(bytes.getBytes());
                    response.write(bytes);
                    if (response.writeQueueFull()) {
                      request.pause();
                      response.drainHandler(drained -> request.resume());
                    }
                  });
              request.endHandler(
                  end -> {
                    received.set(HexFormat.of().formatHex(digest.digest()));
                    response.end();
                  });
            });
    apps.add(echo);
    provider.withRunningApp("echo", echo.uri());
    startPaastis();
    byte[] body = randomBytes(10 * 1024 * 1024);

    TestHttp.Response response = upload("echo.test", body, chunked);

    assertThat(response.status()).isEqualTo(200);
    assertThat(received.get()).isEqualTo(sha256(body));
    assertThat(response.body().length()).isEqualTo(body.length);
    assertThat(sha256(response.body().getBytes())).isEqualTo(sha256(body));
  }

  /** A POST of {@code body} in 64 KiB writes, chunked or with its Content-Length. */
  private TestHttp.Response upload(String host, byte[] body, boolean chunked) throws Exception {
    RequestOptions options =
        new RequestOptions()
            .setHost("127.0.0.1")
            .setPort(paastis.port())
            .setMethod(HttpMethod.POST)
            .setURI("/upload")
            .putHeader("host", host);
    Future<TestHttp.Response> response =
        client
            .request(options)
            .compose(
                request -> {
                  if (chunked) {
                    request.setChunked(true);
                  } else {
                    request.putHeader("content-length", Integer.toString(body.length));
                  }
                  for (int at = 0; at < body.length; at += 64 * 1024) {
                    request.write(
                        Buffer.buffer(body).getBuffer(at, Math.min(body.length, at + 64 * 1024)));
                  }
                  request.end();
                  return request
                      .response()
                      .compose(
                          incoming ->
                              incoming
                                  .body()
                                  .map(
                                      content ->
                                          new TestHttp.Response(
                                              incoming.statusCode(), incoming.headers(), content)));
                });
    return response.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void expect_100_continue_gets_a_continue_then_the_response() throws Exception {
    startPaastis();
    byte[] body = "hello world".getBytes();
    try (RawHttp raw = connect()) {
      raw.send(
          "POST /upload HTTP/1.1\r\nHost: app.test\r\nContent-Length: 11\r\n"
              + "Expect: 100-continue\r\n\r\n");
      RawHttp.Response proceed = raw.readResponse();
      assertThat(proceed.statusLine()).isEqualTo("HTTP/1.1 100 Continue");

      RawHttp.Response response = raw.send(new String(body)).readResponse();

      assertThat(response.status()).isEqualTo(200);
      JsonObject echoed = new JsonObject(response.text());
      assertThat(echoed.getLong("bodyLength")).isEqualTo(body.length);
      assertThat(echoed.getString("sha256")).isEqualTo(sha256(body));
      assertThat(echoed.getJsonObject("headers").containsKey("expect")).isFalse();
      assertThat(raw.unparsed()).isZero();
    }
  }

  @Test
  void an_upstream_that_closes_mid_body_cuts_the_client_connection() throws Exception {
    assertCutMidBody(1000, 10, false);
  }

  /**
   * The request that wakes an app is forwarded by the Vert.x path, which reads a small body whole
   * before it writes the head: when the app closes first, nothing of its response went out, so the
   * client gets a whole 502 naming the app (not the app's head over an error body).
   */
  @Test
  void an_upstream_that_closes_mid_a_small_body_gives_a_whole_502_to_the_request_that_woke_it()
      throws Exception {
    quitter(1000, 10, true);
    startPaastis();
    try (RawHttp raw = connect()) {
      raw.send(get("quitter.test", "/"));

      RawHttp.Response response = raw.readResponse();

      assertThat(response.status()).isEqualTo(502);
      assertThat(response.text()).contains("quitter");
      assertThat(raw.unparsed()).isZero();
    }
  }

  /** A body over 64 KiB streams: the head is sent before the body is whole. */
  @Test
  void an_upstream_that_closes_mid_a_large_body_cuts_the_client_connection() throws Exception {
    assertCutMidBody(1_000_000, 10 * 1024, false);
  }

  @Test
  void an_upstream_that_closes_mid_a_large_body_cuts_the_client_connection_that_woke_it()
      throws Exception {
    assertCutMidBody(1_000_000, 10 * 1024, true);
  }

  /**
   * The app announces {@code announced} bytes, sends {@code sent} and closes: a body shorter than
   * announced must not pass for a whole one, so the client's connection is cut before the response
   * is whole, and nothing follows.
   */
  private void assertCutMidBody(int announced, int sent, boolean asleep) throws Exception {
    quitter(announced, sent, asleep);
    startPaastis();
    try (RawHttp raw = connect()) {
      raw.send(get("quitter.test", "/"));

      assertThatThrownBy(raw::readResponse).isInstanceOf(EOFException.class);
      assertThat(raw.closedByPeer()).isTrue();
      assertThat(raw.text().indexOf("HTTP/1.1", 1)).isEqualTo(-1);
    }
  }

  /** An app that announces {@code announced} bytes, sends {@code sent} and closes. */
  private void quitter(int announced, int sent, boolean asleep) throws Exception {
    RawUpstream quitter =
        RawUpstream.start(
            connection -> {
              connection.readHead();
              connection.write("HTTP/1.1 200 OK\r\nContent-Length: " + announced + "\r\n\r\n");
              connection.write(new byte[sent]);
            });
    apps.add(quitter);
    if (asleep) {
      provider.withStoppedApp("quitter", quitter.uri());
      expectedStarts = 1;
    } else {
      provider.withRunningApp("quitter", quitter.uri());
    }
  }

  @Test
  void the_client_leaving_mid_response_frees_the_upstream_connection() throws Exception {
    RawUpstream app =
        rawApp(
            "endless",
            RawUpstream.start(
                connection -> {
                  connection.readHead();
                  connection.write(
                      "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                          + "Transfer-Encoding: chunked\r\n\r\n");
                  // until a write fails: the peer closed the connection
                  while (true) {
                    connection.write("9\r\ndata: x\n\n\r\n");
                    Thread.sleep(50);
                  }
                }));
    startPaastis();
    try (RawHttp raw = connect()) {
      assertThat(raw.send(get("endless.test", "/events")).readUntil("data: x"))
          .startsWith("HTTP/1.1 200 OK\r\n");
      assertThat(paastis.lifecycle().catalog().inFlight("endless")).isEqualTo(1);
    }

    await().atMost(BOUND).until(() -> app.ended() == 1);
    await().atMost(BOUND).until(() -> paastis.lifecycle().catalog().inFlight("endless") == 0);
  }

  /** The platforms' URLs are HTTPS: their certificates are checked as a browser checks them. */
  @Test
  void an_https_app_whose_certificate_the_jvm_does_not_trust_gets_502_naming_it() throws Exception {
    try (TestHttps app =
        TestHttps.start(vertx, connection -> {}, request -> request.response().end("secret"))) {
      provider.withRunningApp("secure", URI.create("https://localhost:" + app.port()));
      startPaastis();
      try (RawHttp raw = connect()) {
        raw.send(get("secure.test", "/"));

        RawHttp.Response response = raw.readResponse();

        assertThat(response.status()).isEqualTo(502);
        assertThat(response.text()).contains("secure").doesNotContain("secret");
      }
    }
  }

  @Test
  void http_1_0_client_gets_a_response_and_the_connection_closes() throws Exception {
    startPaastis();
    try (RawHttp raw = connect()) {
      RawHttp.Response response =
          raw.send("GET /old HTTP/1.0\r\nHost: app.test\r\n\r\n").readResponse();

      assertThat(response.statusLine()).matches("HTTP/1\\.[01] 200 OK");
      assertThat(pathOf(response)).isEqualTo("/old");
      assertThat(raw.closesWithin((int) BOUND.toMillis())).isTrue();
      assertThat(raw.unparsed()).isZero();
    }
  }

  @Test
  void http_1_0_client_gets_a_chunked_upstream_body_without_chunked_framing() throws Exception {
    startPaastis();
    try (RawHttp raw = connect()) {
      RawHttp.Response response =
          raw.send("GET /stream?chunks=3&ms=20 HTTP/1.0\r\nHost: app.test\r\n\r\n").readResponse();

      // an HTTP/1.0 client knows no chunked coding (RFC 9112 §7.1): the body ends with the close
      assertThat(response.statusLine()).matches("HTTP/1\\.[01] 200 OK");
      assertThat(response.headers()).doesNotContainKey("transfer-encoding");
      assertThat(response.text()).isEqualTo("data: 1\n\ndata: 2\n\ndata: 3\n\n");
      assertThat(raw.closesWithin((int) BOUND.toMillis())).isTrue();
    }
  }

  private static byte[] randomBytes(int size) {
    byte[] bytes = new byte[size];
    new Random(42).nextBytes(bytes);
    return bytes;
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(newSha256().digest(bytes));
  }
}
