package dev.paastis.internal.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paastis.testing.TestHttps;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The hot path's upstream connections: TLS as browsers check it, and the idle pool. */
class UpstreamPoolTest {

  private Vertx vertx;
  private EventLoop loop;
  private TestHttps https;
  private final AtomicReference<String> indicatedName = new AtomicReference<>();

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
    loop = ((ContextInternal) vertx.getOrCreateContext()).nettyEventLoop();
  }

  @AfterEach
  void tearDown() {
    if (https != null) {
      https.close();
    }
    vertx.close().await();
  }

  private int httpsUpstream() {
    https =
        TestHttps.start(
            vertx,
            connection -> indicatedName.set(connection.indicatedServerName()),
            request -> request.response().end("ok"));
    return https.port();
  }

  private UpstreamPool pool(SslContext tls) {
    return new UpstreamPool((VertxInternal) vertx, loop, Duration.ofSeconds(5), tls);
  }

  private SslContext trustingTheCertificate() throws Exception {
    return SslContextBuilder.forClient().trustManager(https.certificateFile()).build();
  }

  private <T> T onLoop(Callable<T> task) throws Exception {
    return loop.submit(task).get(10, TimeUnit.SECONDS);
  }

  private Future<Channel> handshake(UpstreamPool pool, UpstreamPool.Endpoint endpoint)
      throws Exception {
    Channel channel = onLoop(() -> pool.connect(endpoint)).sync().channel();
    return channel.pipeline().get(SslHandler.class).handshakeFuture().await();
  }

  @Test
  void an_https_upstream_is_verified_against_its_host_name_which_it_gets_as_sni() throws Exception {
    int port = httpsUpstream();

    Future<Channel> handshake =
        handshake(
            pool(trustingTheCertificate()), new UpstreamPool.Endpoint("localhost", port, true));

    assertThat(handshake.isSuccess()).as("handshake: %s", handshake.cause()).isTrue();
    await().untilAsserted(() -> assertThat(indicatedName.get()).isEqualTo("localhost"));
  }

  @Test
  void a_certificate_for_another_name_fails_the_handshake() throws Exception {
    int port = httpsUpstream();

    Future<Channel> handshake =
        handshake(
            pool(trustingTheCertificate()), new UpstreamPool.Endpoint("127.0.0.1", port, true));

    assertThat(handshake.isSuccess()).isFalse();
  }

  @Test
  void a_certificate_the_jvm_does_not_trust_fails_the_handshake() throws Exception {
    int port = httpsUpstream();

    Future<Channel> handshake =
        handshake(
            pool(UpstreamPool.jvmTrust()), new UpstreamPool.Endpoint("localhost", port, true));

    assertThat(handshake.isSuccess()).isFalse();
  }

  @Test
  void a_connection_given_back_is_taken_again_and_a_closed_one_never() throws Exception {
    int port =
        vertx
            .createHttpServer()
            .requestHandler(request -> request.response().end())
            .listen(0, "127.0.0.1")
            .await()
            .actualPort();
    UpstreamPool pool = pool(UpstreamPool.jvmTrust());
    UpstreamPool.Endpoint endpoint = new UpstreamPool.Endpoint("127.0.0.1", port, false);
    Channel channel = onLoop(() -> pool.connect(endpoint)).sync().channel();

    onLoop(
        () -> {
          pool.giveBack(endpoint, channel);
          return null;
        });
    assertThat(onLoop(() -> pool.takeIdle(endpoint))).isSameAs(channel);
    assertThat(onLoop(() -> pool.takeIdle(endpoint))).isNull();

    onLoop(
        () -> {
          pool.giveBack(endpoint, channel);
          return null;
        });
    channel.close().sync();
    assertThat(onLoop(() -> pool.takeIdle(endpoint))).isNull();
  }
}
