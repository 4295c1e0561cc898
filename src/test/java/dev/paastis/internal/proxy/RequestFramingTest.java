package dev.paastis.internal.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paastis.Paastis;
import dev.paastis.provider.Providers;
import dev.paastis.testing.FakeProvider;
import dev.paastis.testing.MutableClock;
import dev.paastis.testing.RawHttp;
import dev.paastis.testing.TestConfigs;
import dev.paastis.testing.TestUpstream;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The hostile-input suite of RFC 9112 message framing: raw bytes over a socket to the real server,
 * one rule each, checking the status line, that the connection is closed, and what the app saw.
 * Smuggled requests are always {@code GET /smuggled}: it must never reach the app.
 */
class RequestFramingTest {

  private static Vertx vertx;
  private static TestUpstream upstream;

  /**
   * The app of the requests whose head may go on before their body breaks: that head may reach it
   * after the client has its 400, so it must not land in the list the next test checks.
   */
  private static TestUpstream cutUpstream;

  private static Paastis paastis;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    upstream = TestUpstream.start(vertx);
    FakeProvider provider = new FakeProvider(vertx, "fake", Duration.ofSeconds(5));
    provider.withRunningApp("app", upstream.uri());
    cutUpstream = TestUpstream.start(vertx);
    provider.withRunningApp("cut", cutUpstream.uri());
    paastis =
        Paastis.create(
            new TestConfigs().build(), vertx, new Providers(List.of(provider)), new MutableClock());
    paastis.start().await();
  }

  @AfterAll
  static void stop() {
    paastis.stop().await();
    vertx.close().await();
  }

  @BeforeEach
  void forgetRequests() {
    upstream.paths.clear();
  }

  private static final String SMUGGLED = "GET /smuggled HTTP/1.1\r\nHost: app.test\r\n\r\n";

  /** Sends {@code bytes}, reads until Paastis closes the connection. */
  private static String exchange(String bytes) throws Exception {
    try (RawHttp raw = RawHttp.connect(paastis.port())) {
      return raw.send(bytes).readUntilClosed();
    }
  }

  private static String statusLine(String response) {
    int end = response.indexOf("\r\n");
    return end < 0 ? response : response.substring(0, end);
  }

  @Test
  void content_length_with_transfer_encoding_is_refused_and_the_connection_closed()
      throws Exception {
    String response =
        exchange(
            "POST / HTTP/1.1\r\nHost: app.test\r\nContent-Length: 5\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n"
                + SMUGGLED);

    assertThat(statusLine(response)).isEqualTo("HTTP/1.1 400 Bad Request");
    assertThat(response)
        .contains("connection: close")
        .contains("both Content-Length and Transfer-Encoding");
    assertThat(upstream.paths).isEmpty();
  }

  @ParameterizedTest(name = "Transfer-Encoding [{0}] gets {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "chunked\\u0020| 400",
        "chunked\\t| 400",
        "chunked, identity| 501",
        "identity, chunked| 501",
        "gzip, chunked| 400",
        "chunked, gzip| 400",
        "xchunked| 501",
        "chunked, chunked| 400",
        "cow| 501",
      })
  void a_transfer_encoding_other_than_exactly_chunked_is_refused(String coding, int status)
      throws Exception {
    String value = coding.replace("\\u0020", " ").replace("\\t", "\t");
    String response =
        exchange(
            "POST / HTTP/1.1\r\nHost: app.test\r\nTransfer-Encoding: "
                + value
                + "\r\n\r\n5\r\nhello\r\n0\r\n\r\n"
                + SMUGGLED);

    assertThat(statusLine(response)).startsWith("HTTP/1.1 " + status + " ");
    assertThat(upstream.paths).isEmpty();
  }

  @Test
  void transfer_encoding_in_two_header_lines_is_refused() throws Exception {
    String response =
        exchange(
            "POST / HTTP/1.1\r\nHost: app.test\r\nTransfer-Encoding: chunked\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n");

    assertThat(statusLine(response)).isEqualTo("HTTP/1.1 400 Bad Request");
    assertThat(upstream.paths).isEmpty();
  }

  @Test
  void transfer_encoding_in_an_http_1_0_request_is_refused() throws Exception {
    String response =
        exchange(
            "POST / HTTP/1.0\r\nHost: app.test\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");

    assertThat(statusLine(response)).isEqualTo("HTTP/1.1 400 Bad Request");
    assertThat(upstream.paths).isEmpty();
  }

  @ParameterizedTest(name = "Content-Length [{0}] is refused")
  @CsvSource(
      delimiter = '|',
      value = {"abc", "-1", "+5", "5 5", "0x10", "1234567890123456789", "''"})
  void a_malformed_content_length_is_refused(String length) throws Exception {
    String response =
        exchange(
            "POST / HTTP/1.1\r\nHost: app.test\r\nContent-Length: "
                + length
                + "\r\n\r\nhello"
                + SMUGGLED);

    assertThat(statusLine(response)).isEqualTo("HTTP/1.1 400 Bad Request");
    assertThat(response).contains("Content-Length");
    assertThat(upstream.paths).isEmpty();
  }

  @ParameterizedTest(name = "Content-Length {0} then {1} is refused")
  @CsvSource({"5, 50", "5, 5"})
  void more_than_one_content_length_is_refused(String first, String second) throws Exception {
    String response =
        exchange(
            "POST / HTTP/1.1\r\nHost: app.test\r\nContent-Length: "
                + first
                + "\r\nContent-Length: "
                + second
                + "\r\n\r\nhello"
                + SMUGGLED);

    assertThat(statusLine(response)).isEqualTo("HTTP/1.1 400 Bad Request");
    assertThat(upstream.paths).isEmpty();
  }

  /**
   * A 100 Continue is not the response to its request: counted as one, it made the guard believe
   * the next request already answered, and refuse its broken body without a word.
   */
  @Test
  void a_broken_body_after_a_request_that_got_a_100_continue_is_still_answered_400()
      throws Exception {
    try (RawHttp raw = RawHttp.connect(paastis.port())) {
      raw.send(
          "POST /first HTTP/1.1\r\nHost: app.test\r\nExpect: 100-continue\r\n"
              + "Content-Length: 5\r\n\r\nhello");
      assertThat(raw.readResponse().status()).isEqualTo(100);
      assertThat(raw.readResponse().status()).isEqualTo(200);

      raw.send(
          "POST /upload HTTP/1.1\r\nHost: app.test\r\nTransfer-Encoding: chunked\r\n\r\n"
              + "-1\r\nhello\r\n0\r\n\r\n");
      String rest = raw.readUntilClosed();

      assertThat(rest.substring(rest.lastIndexOf("HTTP/1.1 ")))
          .startsWith("HTTP/1.1 400 Bad Request")
          .contains("chunk");
    }
    // the head went on to the app (on the kept-alive connection of the first request) before the
    // body broke: wait for it there, or it lands in the next test's list
    await().untilAsserted(() -> assertThat(upstream.paths).contains("/upload"));
  }

  @ParameterizedTest(name = "chunk size {0} is refused")
  @CsvSource({"10000000000000000", "100000000", "80000000", "fffffffffffffffff0", "-1", "' 5'"})
  void a_chunk_size_that_overflows_or_is_malformed_is_refused(String size) throws Exception {
    String response =
        exchange(
            "POST /upload HTTP/1.1\r\nHost: cut.test\r\nTransfer-Encoding: chunked\r\n\r\n"
                + size
                + "\r\nhello\r\n0\r\n\r\n"
                + SMUGGLED);

    assertThat(statusLine(response)).isEqualTo("HTTP/1.1 400 Bad Request");
    assertThat(response).contains("chunk");
    // the request's head may have gone on to the app, its body cut; the rest never does
    assertThat(upstream.paths).doesNotContain("/smuggled");
  }

  @Test
  void chunk_data_not_followed_by_crlf_is_refused() throws Exception {
    String response =
        exchange(
            "POST /upload HTTP/1.1\r\nHost: cut.test\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\nhelloXX0\r\n\r\n"
                + SMUGGLED);

    assertThat(statusLine(response)).isEqualTo("HTTP/1.1 400 Bad Request");
    assertThat(upstream.paths).doesNotContain("/smuggled");
  }

  @Test
  void more_than_one_host_header_is_refused() throws Exception {
    String response = exchange("GET / HTTP/1.1\r\nHost: app.test\r\nHost: other.test\r\n\r\n");

    assertThat(statusLine(response)).isEqualTo("HTTP/1.1 400 Bad Request");
    assertThat(response).contains("more than one Host");
    assertThat(upstream.paths).isEmpty();
  }

  @ParameterizedTest(name = "request line [{0}] gets {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "GET / HKTP/1.1| 400",
        "GET  / HTTP/1.1| 400",
        "GET / HTTP/1.1 extra| 400",
        "GET /a\\u0000b HTTP/1.1| 400",
        "GET / http/1.1| 400",
        "GET / HTTP/1| 400",
        "GET| 400",
        "G(T / HTTP/1.1| 400",
        "GET app.test:80 HTTP/1.1| 400",
        "CONNECT app.test:443 HTTP/1.1| 400",
        "GET / HTTP/2.0| 505",
        "GET / HTTP/0.9| 505",
      })
  void a_bad_request_line_gets_an_http_1_1_error_and_the_connection_closed(
      String requestLine, int status) throws Exception {
    String line = requestLine.replace("\\u0000", "\u0000");
    String response = exchange(line + "\r\nHost: app.test\r\n\r\n");

    assertThat(statusLine(response)).startsWith("HTTP/1.1 " + status + " ");
    assertThat(upstream.paths).isEmpty();
  }

  @ParameterizedTest(name = "header line [{0}] is refused")
  @CsvSource(
      delimiter = '|',
      value = {
        "X-Padding : a",
        "\\u0020folded",
        "\\tfolded",
        "X-Nul: a\\u0000b",
        "X-Bare: a\\rb",
        "NoColon",
        ": no name",
        "X(y): a",
      })
  void a_malformed_header_line_is_refused(String header) throws Exception {
    String value = header.replace("\\u0020", " ").replace("\\t", "\t").replace("\\u0000", "\u0000");
    String response =
        exchange(
            "GET / HTTP/1.1\r\nHost: app.test\r\nX-Before: a\r\n"
                + value.replace("\\r", "\r")
                + "\r\n\r\n");

    assertThat(statusLine(response)).isEqualTo("HTTP/1.1 400 Bad Request");
    assertThat(upstream.paths).isEmpty();
  }

  @Test
  void an_overlong_request_line_gets_414() throws Exception {
    String response =
        exchange("GET /" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: app.test\r\n\r\n");

    assertThat(statusLine(response)).isEqualTo("HTTP/1.1 414 Request-URI Too Long");
    assertThat(upstream.paths).isEmpty();
  }

  @Test
  void overlarge_headers_get_431() throws Exception {
    String response =
        exchange("GET / HTTP/1.1\r\nHost: app.test\r\n" + "X-Big: a\r\n".repeat(4_000) + "\r\n");

    assertThat(statusLine(response)).isEqualTo("HTTP/1.1 431 Request Header Fields Too Large");
    assertThat(upstream.paths).isEmpty();
  }

  @Test
  void a_good_request_before_a_bad_one_is_answered_first() throws Exception {
    String response =
        exchange(
            "GET /first HTTP/1.1\r\nHost: app.test\r\n\r\n"
                + "POST / HTTP/1.1\r\nHost: app.test\r\nContent-Length: 5\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n"
                + SMUGGLED);

    assertThat(statusLine(response)).isEqualTo("HTTP/1.1 200 OK");
    assertThat(response.indexOf("HTTP/1.1 400 Bad Request"))
        .isGreaterThan(response.indexOf("\"path\":\"/first\""));
    assertThat(upstream.paths).containsExactly("/first");
  }

  @Test
  void a_well_framed_chunked_body_with_extensions_and_trailers_reaches_the_app_whole()
      throws Exception {
    try (RawHttp raw = RawHttp.connect(paastis.port())) {
      String response =
          raw.send(
                  "POST /upload HTTP/1.1\r\nHost: app.test\r\nTransfer-Encoding: chunked\r\n\r\n"
                      + "5;name=value\r\nhello\r\n"
                      + "6\r\n world\r\n0\r\nX-Checksum: 1\r\n\r\n")
              .readUntil("}");

      assertThat(statusLine(response)).isEqualTo("HTTP/1.1 200 OK");
      assertThat(response).contains("\"bodyLength\":11");
    }
    assertThat(upstream.paths).containsExactly("/upload");
  }

  @Test
  void pipelined_requests_with_bodies_split_across_writes_are_all_served() throws Exception {
    try (RawHttp raw = RawHttp.connect(paastis.port())) {
      raw.send("POST /one HTTP/1.1\r\nHost: app.te");
      Thread.sleep(50);
      raw.send("st\r\nContent-Length: 5\r\n\r\nhel");
      Thread.sleep(50);
      raw.send("loPOST /two HTTP/1.1\r\nHost: app.test\r\nTransfer-Encoding: chunked\r\n\r\n3");
      Thread.sleep(50);
      raw.send("\r\nabc\r");
      Thread.sleep(50);
      raw.send("\n0\r\n\r\nGET /three HTTP/1.1\r\nHost: app.test\r\n\r\n");

      String response = raw.readUntil("\"path\":\"/three\"");
      assertThat(response.split("HTTP/1.1 200 OK", -1)).hasSize(4);
    }
    assertThat(upstream.paths).containsExactly("/one", "/two", "/three");
  }
}
