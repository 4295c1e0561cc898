package dev.paastis.provider.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paastis.provider.Deadline;
import dev.paastis.testing.LoopbackServer;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * HttpApi against a real loopback server that answers as told: the deadline bounds every attempt
 * and stops the retries, whatever the server does.
 */
class HttpApiTest {

  /** Far below the 40 s that four attempts of 10 s would take: a call that hangs fails the test. */
  private static final long NO_HANG_SECONDS = 8;

  private final Vertx vertx = Vertx.vertx();
  private final HttpClient client = vertx.createHttpClient();
  private final AtomicInteger calls = new AtomicInteger();
  private LoopbackServer server;

  @AfterEach
  void tearDown() {
    vertx.close().await();
  }

  /** The server: {@code answer} gets the request and the number of this call (1 for the first). */
  private URI serve(BiConsumer<HttpServerRequest, Integer> answer) {
    server =
        LoopbackServer.start(vertx, request -> answer.accept(request, calls.incrementAndGet()));
    return URI.create(server.uri() + "/apps/shop");
  }

  private static void neverAnswer(HttpServerRequest request, int call) {
    // keeps the request open: a hung API
  }

  private static <T> T within(Future<T> call) throws Exception {
    try {
      return call.toCompletionStage().toCompletableFuture().get(NO_HANG_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw (Exception) e.getCause();
    }
  }

  private Future<ApiResponse> get(HttpApi api, URI url, Deadline deadline) {
    return api.send(HttpMethod.GET, url, MultiMap.caseInsensitiveMultiMap(), null, deadline);
  }

  @Test
  void a_hung_call_fails_at_the_deadline_without_a_retry_past_it() {
    URI url = serve(HttpApiTest::neverAnswer);
    HttpApi api = new HttpApi(vertx, client, "test", RetryPolicy.standard());

    assertThatThrownBy(() -> within(get(api, url, Deadline.in(Duration.ofMillis(1500)))))
        .isInstanceOf(TimeoutException.class)
        .hasMessageContaining("no answer within");
    assertThat(calls).hasValue(1);
  }

  @Test
  void without_deadline_a_hung_attempt_ends_at_the_call_timeout_and_is_retried() throws Exception {
    URI url =
        serve(
            (request, call) -> {
              if (call > 1) {
                request.response().end("{}");
              }
            });
    RetryPolicy quick =
        new RetryPolicy(4, Duration.ofMillis(50), Duration.ofMillis(500), Duration.ofSeconds(30));
    HttpApi api = new HttpApi(vertx, client, "test", quick);

    ApiResponse response = within(get(api, url, Deadline.none()));

    assertThat(response.status()).isEqualTo(200);
    assertThat(calls).hasValue(2);
  }

  @Test
  void a_5xx_is_retried_until_the_next_retry_would_end_past_the_deadline_then_returned()
      throws Exception {
    URI url = serve((request, call) -> request.response().setStatusCode(503).end());
    RetryPolicy slowBackoff =
        new RetryPolicy(4, Duration.ofMillis(400), Duration.ofSeconds(10), Duration.ofSeconds(30));
    HttpApi api = new HttpApi(vertx, client, "test", slowBackoff);

    ApiResponse response = within(get(api, url, Deadline.in(Duration.ofSeconds(1))));

    assertThat(response.status()).isEqualTo(503);
    assertThat(calls.get()).isBetween(1, 2);
  }

  @Test
  void a_5xx_without_deadline_gets_every_attempt() throws Exception {
    URI url = serve((request, call) -> request.response().setStatusCode(500).end());
    RetryPolicy quick =
        new RetryPolicy(4, Duration.ofMillis(10), Duration.ofSeconds(10), Duration.ofSeconds(30));
    HttpApi api = new HttpApi(vertx, client, "test", quick);

    ApiResponse response = within(get(api, url, Deadline.none()));

    assertThat(response.status()).isEqualTo(500);
    assertThat(calls).hasValue(4);
  }

  @Test
  void a_429_whose_retry_after_ends_past_the_deadline_is_returned_at_once() throws Exception {
    URI url =
        serve(
            (request, call) ->
                request.response().setStatusCode(429).putHeader("Retry-After", "5").end());
    HttpApi api = new HttpApi(vertx, client, "test", RetryPolicy.standard());

    ApiResponse response = within(get(api, url, Deadline.in(Duration.ofSeconds(2))));

    assertThat(response.status()).isEqualTo(429);
    assertThat(calls).hasValue(1);
  }

  @Test
  void a_call_whose_deadline_has_passed_is_not_sent() {
    URI url = serve((request, call) -> request.response().end("{}"));
    HttpApi api = new HttpApi(vertx, client, "test", RetryPolicy.standard());
    Deadline passed = Deadline.after(System.nanoTime() - 3_000_000_000L, Duration.ofSeconds(2));

    assertThatThrownBy(() -> within(get(api, url, passed)))
        .isInstanceOf(TimeoutException.class)
        .hasMessageContaining("operation timeout of 2s");
    assertThat(calls).hasValue(0);
  }
}
