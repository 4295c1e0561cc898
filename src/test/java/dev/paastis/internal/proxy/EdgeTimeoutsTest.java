package dev.paastis.internal.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paastis.Paastis;
import dev.paastis.config.ProxyTimeouts;
import dev.paastis.provider.Providers;
import dev.paastis.testing.FakeProvider;
import dev.paastis.testing.MutableClock;
import dev.paastis.testing.RawHttp;
import dev.paastis.testing.TestConfigs;
import dev.paastis.testing.TestUpstream;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The edge's timeouts, each set to one second: slow and idle clients are let go, a hanging app gets
 * a 504, an app that cannot be connected to a 502, and none of them cuts what is legitimately under
 * way (a request the app takes long to answer, a streaming response).
 */
class EdgeTimeoutsTest {

  private static final Duration SECOND = Duration.ofSeconds(1);

  private static Vertx vertx;
  private static TestUpstream upstream;
  private static ServerSocket fullBacklog;
  private static final List<Socket> queued = new ArrayList<>();
  private static Paastis paastis;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    upstream = TestUpstream.start(vertx);
    FakeProvider provider = new FakeProvider(vertx, "fake", Duration.ofSeconds(5));
    provider.withRunningApp("app", upstream.uri());
    provider.withRunningApp("unreachable", backlogFullServer());
    TestConfigs configs = new TestConfigs();
    configs.timeouts = new ProxyTimeouts(SECOND, SECOND, SECOND, SECOND);
    paastis =
        Paastis.create(
            configs.build(), vertx, new Providers(List.of(provider)), new MutableClock());
    paastis.start().await();
  }

  /**
   * A server that never accepts, its accept queue filled: the kernel drops further SYNs, so a
   * connection attempt hangs until the client gives up.
   */
  private static URI backlogFullServer() throws Exception {
    fullBacklog = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    for (int i = 0; i < 4; i++) {
      Socket socket = new Socket();
      try {
        socket.connect(fullBacklog.getLocalSocketAddress(), 300);
        queued.add(socket);
      } catch (java.io.IOException full) {
        socket.close();
        break;
      }
    }
    return URI.create("http://127.0.0.1:" + fullBacklog.getLocalPort());
  }

  @AfterAll
  static void stop() throws Exception {
    paastis.stop().await();
    vertx.close().await();
    for (Socket socket : queued) {
      socket.close();
    }
    fullBacklog.close();
  }

  @Test
  void a_client_that_does_not_finish_its_head_in_time_gets_408_and_is_closed() throws Exception {
    try (RawHttp raw = RawHttp.connect(paastis.port())) {
      String response = raw.send("GET / HTTP/1.1\r\nHost: ap").readUntilClosed();

      assertThat(response).startsWith("HTTP/1.1 408 Request Timeout\r\n");
      assertThat(response).contains("CLIENT_HEADER_TIMEOUT");
    }
  }

  @Test
  void a_client_trickling_its_head_byte_by_byte_is_cut_all_the_same() throws Exception {
    String head = "GET / HTTP/1.1\r\nHost: app.test\r\nX-Slow: " + "a".repeat(100);
    try (RawHttp raw = RawHttp.connect(paastis.port())) {
      // one byte every 100 ms would take 13 s: the head is due in 1 s however slowly it comes
      AtomicInteger sent = new AtomicInteger();
      Thread trickle =
          new Thread(
              () -> {
                try {
                  for (char c : head.toCharArray()) {
                    raw.send(String.valueOf(c));
                    sent.incrementAndGet();
                    Thread.sleep(100);
                  }
                } catch (Exception closed) {
                  // Paastis closed the connection: the trickle ends here
                }
              });
      trickle.start();

      String response = raw.readUntil("\r\n\r\n");
      trickle.join();

      assertThat(response).startsWith("HTTP/1.1 408 Request Timeout");
      assertThat(sent.get()).isLessThan(head.length());
    }
  }

  @Test
  void a_connection_that_sends_nothing_is_closed_without_a_response() throws Exception {
    try (RawHttp raw = RawHttp.connect(paastis.port())) {
      assertThat(raw.closesWithin(10_000)).isTrue();
      assertThat(raw.text()).isEmpty();
    }
  }

  @Test
  void an_idle_keep_alive_connection_is_closed() throws Exception {
    try (RawHttp raw = RawHttp.connect(paastis.port())) {
      raw.send("GET /first HTTP/1.1\r\nHost: app.test\r\n\r\n").readUntil("}");

      assertThat(raw.closesWithin(10_000)).isTrue();
      assertThat(raw.text()).startsWith("HTTP/1.1 200 OK");
    }
  }

  @Test
  void a_request_the_app_takes_longer_than_the_keep_alive_timeout_to_answer_is_not_cut()
      throws Exception {
    try (RawHttp raw = RawHttp.connect(paastis.port())) {
      String response =
          raw.send("GET /slow?ms=800 HTTP/1.1\r\nHost: app.test\r\n\r\n").readUntil("slow done");

      assertThat(response).startsWith("HTTP/1.1 200 OK").endsWith("slow done");
    }
  }

  @Test
  void an_app_that_sends_no_response_head_in_time_gets_504_naming_it() throws Exception {
    try (RawHttp raw = RawHttp.connect(paastis.port())) {
      String response =
          raw.send("GET /slow?ms=5000 HTTP/1.1\r\nHost: app.test\r\n\r\n").readUntil("}");

      assertThat(response).startsWith("HTTP/1.1 504 Gateway Timeout");
      assertThat(response)
          .contains("\"app\":\"app\"")
          .contains("did not answer within 1s (UPSTREAM_RESPONSE_TIMEOUT)");
    }
  }

  @Test
  void a_response_streaming_longer_than_the_response_timeout_is_not_cut() throws Exception {
    try (RawHttp raw = RawHttp.connect(paastis.port())) {
      String response =
          raw.send("GET /stream?chunks=6&ms=400 HTTP/1.1\r\nHost: app.test\r\n\r\n")
              .readUntil("data: 6");

      assertThat(response).startsWith("HTTP/1.1 200 OK").contains("data: 1", "data: 6");
    }
  }

  @Test
  void an_app_that_cannot_be_connected_to_in_time_gets_502_naming_it() throws Exception {
    try (RawHttp raw = RawHttp.connect(paastis.port())) {
      String response = raw.send("GET / HTTP/1.1\r\nHost: unreachable.test\r\n\r\n").readUntil("}");

      assertThat(response).startsWith("HTTP/1.1 502 Bad Gateway");
      assertThat(response).contains("\"app\":\"unreachable\"");
    }
  }
}
