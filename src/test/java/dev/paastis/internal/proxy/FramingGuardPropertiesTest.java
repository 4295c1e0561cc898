package dev.paastis.internal.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.paastis.config.ProxyTimeouts;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Properties of {@link FramingGuard} in front of Netty's decoder (the proxy's pipeline, without the
 * network): what the decoder delivers never depends on how the bytes were cut into reads, a valid
 * stream arrives whole, and a request made hostile stops everything from itself on.
 */
class FramingGuardPropertiesTest {

  /** One request as sent, and what the decoder must deliver for it. */
  record Sent(String bytes, String delivered) {}

  private static final String INVALID = "INVALID";

  /** Header lines that make any request refused, whatever it carries already. */
  private static final List<String> HOSTILE =
      List.of(
          "Host: other.test\r\n",
          "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n",
          "Transfer-Encoding: chunked, identity\r\n",
          "Transfer-Encoding: chunked \r\n",
          "Transfer-Encoding: xchunked\r\n",
          "Content-Length: -1\r\n",
          "Content-Length: 5, 5\r\n",
          "Content-Length: 1\r\nContent-Length: 1\r\n",
          "X-Folded: a\r\n b\r\n",
          "X-Space : a\r\n",
          "X-Nul: a\u0000b\r\n",
          "X-Bare: a\rb\r\n");

  private static Gen<Sent> request() {
    Gen<String> body = strings().betweenCodePoints('a', 'z').ofLengthBetween(0, 40);
    return integers()
        .between(0, 2)
        .zip(
            integers().between(0, 999),
            body,
            integers().between(1, 9),
            booleans().all(),
            FramingGuardPropertiesTest::request);
  }

  private static Sent request(int kind, int id, String body, int chunk, boolean extras) {
    String head = (kind == 0 ? "GET" : "POST") + " /r" + id + " HTTP/1.1\r\nHost: app.test\r\n";
    return switch (kind) {
      case 0 -> new Sent(head + "\r\n", "GET /r" + id + " ");
      case 1 ->
          new Sent(
              head + "Content-Length: " + body.length() + "\r\n\r\n" + body,
              "POST /r" + id + " " + body);
      default -> new Sent(head + chunked(body, chunk, extras), "POST /r" + id + " " + body);
    };
  }

  /** {@code body} in chunks of {@code size}, with an extension and a trailer when asked. */
  private static String chunked(String body, int size, boolean extras) {
    StringBuilder bytes = new StringBuilder("Transfer-Encoding: chunked\r\n\r\n");
    for (int i = 0; i < body.length(); i += size) {
      String chunk = body.substring(i, Math.min(body.length(), i + size));
      bytes.append(Integer.toHexString(chunk.length()));
      bytes.append(extras ? ";name=value\r\n" : "\r\n").append(chunk).append("\r\n");
    }
    return bytes.append(extras ? "0\r\nX-Trailer: 1\r\n\r\n" : "0\r\n\r\n").toString();
  }

  private static Gen<List<Sent>> requests() {
    return lists().of(request()).ofSizeBetween(1, 4);
  }

  /** Where the stream is cut into reads (positions past its end are ignored). */
  private static Gen<List<Integer>> cuts() {
    return lists().of(integers().between(1, 400)).ofSizeBetween(0, 12);
  }

  @Test
  void a_valid_stream_is_delivered_whole_however_it_is_cut_into_reads() {
    qt().forAll(requests(), cuts())
        .checkAssert(
            (sent, cuts) ->
                assertThat(decode(join(sent), cuts))
                    .containsExactlyElementsOf(sent.stream().map(Sent::delivered).toList()));
  }

  @Test
  void a_hostile_header_stops_its_request_and_all_that_follows() {
    qt().forAll(requests(), integers().between(0, 3), integers().between(0, HOSTILE.size() - 1))
        .checkAssert(
            (sent, target, hostile) -> {
              int bad = target % sent.size();
              StringBuilder stream = new StringBuilder();
              List<String> expected = new ArrayList<>();
              for (int i = 0; i < sent.size(); i++) {
                String bytes = sent.get(i).bytes();
                if (i == bad) {
                  int headEnd = bytes.indexOf("\r\n") + 2; // after the request line
                  bytes =
                      bytes.substring(0, headEnd) + HOSTILE.get(hostile) + bytes.substring(headEnd);
                } else if (i < bad) {
                  expected.add(sent.get(i).delivered());
                }
                stream.append(bytes);
              }
              expected.add(INVALID);
              assertThat(decode(stream.toString(), List.of())).containsExactlyElementsOf(expected);
            });
  }

  @Test
  void whatever_the_bytes_the_outcome_does_not_depend_on_how_they_are_cut() {
    Gen<String> hostileBytes =
        strings()
            .betweenCodePoints(0, 127)
            .ofLengthBetween(0, 200)
            .mix(
                lists()
                    .of(integers().between(0, FRAGMENTS.size() - 1).map(FRAGMENTS::get))
                    .ofSizeBetween(1, 30)
                    .map(parts -> String.join("", parts)),
                80);
    qt().forAll(hostileBytes, cuts())
        .checkAssert(
            (bytes, cuts) -> {
              List<String> whole = decode(bytes, List.of());
              assertThat(decode(bytes, cuts)).isEqualTo(whole);
              int invalid = whole.indexOf(INVALID);
              if (invalid >= 0) {
                assertThat(whole).hasSize(invalid + 1); // nothing gets through after a refusal
              }
            });
  }

  @Test
  void a_chunk_extension_after_a_head_split_across_reads_loses_no_byte() {
    String stream =
        "GET /a HTTP/1.1\r\nHost: app.test\r\n\r\n"
            + "POST /b HTTP/1.1\r\nHost: app.test\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "1;name=value\r\nx\r\n0\r\n\r\n";

    assertThat(decode(stream, List.of(1))).containsExactly("GET /a ", "POST /b x");
  }

  @Test
  void a_line_ended_by_lf_alone_is_refused_as_the_decoder_would() {
    assertThat(
            decode("GET / HTTP/1.1\r\nHost: app.test\n\r\nGET /next HTTP/1.1\r\n\r\n", List.of()))
        .containsExactly(INVALID);
  }

  /** Pieces of HTTP/1.1, for inputs that get past the first line more often than noise does. */
  private static final List<String> FRAGMENTS =
      List.of(
          "GET / HTTP/1.1\r\n",
          "POST /p HTTP/1.1\r\n",
          "Host: app.test\r\n",
          "Content-Length: 3\r\n",
          "Content-Length: 17\r\n",
          "Transfer-Encoding: chunked\r\n",
          "Transfer-Encoding: gzip, chunked\r\n",
          "\r\n",
          "\n",
          "\r",
          "3\r\nabc\r\n",
          "0\r\n\r\n",
          "10000000000000000\r\n",
          "5;a=b\r\n",
          "abc",
          " ",
          "\t",
          ":",
          "HTTP/1.0",
          "Upgrade: websocket\r\n");

  private static String join(List<Sent> sent) {
    StringBuilder stream = new StringBuilder();
    sent.forEach(request -> stream.append(request.bytes()));
    return stream.toString();
  }

  /** The messages the decoder delivers for {@code stream} read in pieces cut at {@code cuts}. */
  static List<String> decode(String stream, List<Integer> cuts) {
    Collector collector = new Collector();
    EmbeddedChannel channel = new EmbeddedChannel();
    channel.pipeline().addLast(FramingGuard.NAME, new FramingGuard(ProxyTimeouts.DEFAULTS));
    channel.pipeline().addLast("httpDecoder", new HttpRequestDecoder());
    channel.pipeline().addLast(collector);
    byte[] bytes = stream.getBytes(StandardCharsets.ISO_8859_1);
    int from = 0;
    for (int cut : new TreeSet<>(cuts)) {
      if (cut < bytes.length) {
        channel.writeInbound(Unpooled.wrappedBuffer(bytes, from, cut - from));
        from = cut;
      }
    }
    channel.writeInbound(Unpooled.wrappedBuffer(bytes, from, bytes.length - from));
    channel.checkException();
    List<String> delivered = List.copyOf(collector.delivered);
    channel.finishAndReleaseAll();
    return delivered;
  }

  /** Turns what the decoder emits into "METHOD /uri body" lines, or INVALID. */
  private static final class Collector extends ChannelInboundHandlerAdapter {
    final List<String> delivered = new ArrayList<>();
    private StringBuilder current;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      try {
        if (msg instanceof HttpObject object && object.decoderResult().isFailure()) {
          delivered.add(INVALID);
          current = null;
          return;
        }
        if (msg instanceof HttpRequest request) {
          current = new StringBuilder(request.method() + " " + request.uri() + " ");
        }
        if (msg instanceof HttpContent content && current != null) {
          ByteBuf data = content.content();
          current.append(data.toString(StandardCharsets.ISO_8859_1));
          if (msg instanceof LastHttpContent) {
            delivered.add(current.toString());
            current = null;
          }
        }
      } finally {
        ReferenceCountUtil.release(msg);
      }
    }
  }
}
