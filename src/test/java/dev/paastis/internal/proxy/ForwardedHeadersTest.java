package dev.paastis.internal.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ForwardedHeadersTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Connection",
        "keep-alive",
        "Proxy-Authenticate",
        "proxy-authorization",
        "Proxy-Connection",
        "TE",
        "Trailer",
        "Transfer-Encoding",
        "UPGRADE"
      })
  void the_hop_by_hop_headers_of_rfc_9110_are_recognised_whatever_their_case(String name) {
    assertThat(ForwardedHeaders.isHopByHop(name, null)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"content-type", "tee", "trailers", "x-upgrade", "cookie", "", "host"})
  void other_headers_are_end_to_end(String name) {
    assertThat(ForwardedHeaders.isHopByHop(name, null)).isFalse();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "x-trace|x-trace|true",
        "X-Trace|close, x-trace|true",
        "x-trace|close ,\t X-TRACE \t, keep-alive|true",
        "x-trace|x-tracer|false",
        "x-tracer|x-trace|false",
        "x-trace|,,|false",
        "x-trace|close|false"
      })
  void a_header_named_by_connection_is_hop_by_hop(String name, String connection, boolean hop) {
    assertThat(ForwardedHeaders.isHopByHop(name, connection)).isEqualTo(hop);
  }

  @Test
  void copying_leaves_the_hop_by_hop_headers_behind_and_keeps_repeated_ones() {
    MultiMap from =
        MultiMap.caseInsensitiveMultiMap()
            .add("Connection", "keep-alive, X-Secret")
            .add("Keep-Alive", "timeout=5")
            .add("X-Secret", "hop")
            .add("Set-Cookie", "a=1")
            .add("Set-Cookie", "b=2")
            .add("Content-Type", "text/plain");
    MultiMap to = MultiMap.caseInsensitiveMultiMap();

    ForwardedHeaders.copyEndToEnd(from, to);

    assertThat(to.names()).containsExactlyInAnyOrder("Set-Cookie", "Content-Type");
    assertThat(to.getAll("set-cookie")).containsExactly("a=1", "b=2");
  }
}
