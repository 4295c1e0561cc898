package dev.paastis.internal.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.paastis.Paastis;
import dev.paastis.config.NetworkTransport;
import dev.paastis.testing.FakeProvider;
import dev.paastis.testing.TestConfigs;
import dev.paastis.testing.TestHttp;
import dev.paastis.testing.TestUpstream;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.transport.Transport;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * TRANSPORT: each transport Paastis can run on forwards requests, bodies included, on both of its
 * paths (the wake on Vert.x, then the hot path on Netty with its own upstream connections).
 */
class TransportChoiceTest {

  private Vertx vertx;
  private Paastis paastis;

  @AfterEach
  void tearDown() {
    if (paastis != null) {
      paastis.stop().await();
    }
    if (vertx != null) {
      vertx.close().await();
    }
  }

  private static boolean loads(Transport transport) {
    return transport != null && transport.available();
  }

  @ParameterizedTest
  @EnumSource(
      value = NetworkTransport.class,
      names = {"IO_URING", "EPOLL", "NIO"})
  void each_transport_forwards_requests_and_their_bodies(NetworkTransport transport)
      throws Exception {
    assumeTrue(
        switch (transport) {
          case IO_URING -> loads(Transport.IO_URING);
          case EPOLL -> loads(Transport.EPOLL);
          default -> true;
        },
        transport + " cannot load on this machine");
    vertx = TransportChoice.create(transport);
    assertThat(TransportChoice.describe(vertx)).isEqualTo(transport.name().toLowerCase());
    TestUpstream upstream = TestUpstream.start(vertx);
    FakeProvider provider =
        new FakeProvider(vertx, "fake", Duration.ofSeconds(5))
            .withStoppedApp("shop", upstream.uri());
    paastis = Paastis.builder(new TestConfigs().build()).vertx(vertx).providers(provider).build();
    int port = paastis.start().await();
    HttpClient client = vertx.createHttpClient();

    // the wake, on Vert.x
    assertThat(TestHttp.get(client, port, "shop.example.com", "/woken").status()).isEqualTo(200);
    // the app serves now: the hot path, over the transport's own upstream connections
    byte[] body = new byte[2 * 1024 * 1024];
    new Random(7).nextBytes(body);
    for (int i = 0; i < 3; i++) {
      TestHttp.Response response =
          TestHttp.send(
                  client,
                  port,
                  HttpMethod.POST,
                  "shop.example.com",
                  "/upload?n=" + i,
                  Map.of("content-type", "application/octet-stream"),
                  Buffer.buffer(body))
              .toCompletionStage()
              .toCompletableFuture()
              .get(60, TimeUnit.SECONDS);
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.json().getString("query")).isEqualTo("n=" + i);
      assertThat(response.json().getLong("bodyLength")).isEqualTo(body.length);
      assertThat(response.json().getString("sha256")).isEqualTo(sha256(body));
    }
    assertThat(provider.starts).hasValue(1);
  }

  @Test
  void auto_prefers_io_uring_then_epoll_then_nio() {
    vertx = TransportChoice.create(NetworkTransport.AUTO);

    String expected =
        loads(Transport.IO_URING) ? "io_uring" : loads(Transport.EPOLL) ? "epoll" : "nio";
    assertThat(TransportChoice.describe(vertx)).isEqualTo(expected);
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
