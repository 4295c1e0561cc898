package dev.paastis.provider.internal;

import dev.paastis.provider.Deadline;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls a provider's HTTP API with a timeout on every attempt, retrying what is worth retrying:
 * connection failures, timeouts and 5xx with exponential backoff, 429 after its Retry-After (or the
 * backoff when it has none). Other statuses are returned to the caller to map. With a {@link
 * Deadline}, no attempt outlives it and no retry is scheduled past it: the caller gets the last
 * outcome instead.
 */
public final class HttpApi {

  private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);

  private final Vertx vertx;
  private final HttpClient client;
  private final String provider;
  private final RetryPolicy retries;

  public HttpApi(Vertx vertx, HttpClient client, String provider, RetryPolicy retries) {
    this.vertx = vertx;
    this.client = client;
    this.provider = provider;
    this.retries = retries;
  }

  /** One request and what it carries. */
  private record Call(
      HttpMethod method, URI url, MultiMap headers, Buffer body, Deadline deadline) {}

  /**
   * Sends the request; fails only when no attempt got an HTTP answer (the last failure, or a {@link
   * TimeoutException} once the deadline has passed). A retryable answer (5xx, 429) that cannot be
   * retried any more is returned as it is.
   */
  public Future<ApiResponse> send(
      HttpMethod method, URI url, MultiMap headers, Buffer body, Deadline deadline) {
    Promise<ApiResponse> result = Promise.promise();
    attempt(new Call(method, url, headers, body, deadline), 1, result);
    return result.future();
  }

  private void attempt(Call call, int attempt, Promise<ApiResponse> result) {
    if (call.deadline().hasPassed()) {
      result.fail(
          new TimeoutException(
              "no time left within the operation timeout of "
                  + call.deadline().budget().toSeconds()
                  + "s"));
      return;
    }
    once(call, retries.attemptTimeout(call.deadline()))
        .onComplete(
            done -> {
              ApiResponse answer = done.succeeded() ? done.result() : null;
              Optional<Duration> delay =
                  retries.retryDelay(answer, attempt, call.deadline().left());
              if (delay.isEmpty()) {
                result.handle(done);
                return;
              }
              LOG.debug(
                  "{} {} {} failed ({}), retrying in {} ms",
                  provider,
                  call.method(),
                  call.url().getPath(),
                  answer != null ? answer.status() : done.cause().toString(),
                  delay.get().toMillis());
              vertx.setTimer(
                  Math.max(1, delay.get().toMillis()), id -> attempt(call, attempt + 1, result));
            });
  }

  /**
   * One attempt, over after {@code timeout} whatever the server does: connecting, waiting for a
   * pooled connection, or a server that accepted the request and never answers. An abandoned
   * request is reset, so that its connection is not left waiting.
   */
  private Future<ApiResponse> once(Call call, Duration timeout) {
    long millis = Math.max(1, timeout.toMillis());
    RequestOptions options =
        new RequestOptions()
            .setMethod(call.method())
            .setAbsoluteURI(call.url().toString())
            .setHeaders(call.headers())
            .setConnectTimeout(millis)
            .setIdleTimeout(millis);
    Promise<ApiResponse> answer = Promise.promise();
    AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
    long timer =
        vertx.setTimer(
            millis,
            id -> {
              if (answer.tryFail(new TimeoutException("no answer within " + millis + " ms"))) {
                HttpClientRequest request = sent.get();
                if (request != null) {
                  request.reset();
                }
              }
            });
    client
        .request(options)
        .compose(
            request -> {
              sent.set(request);
              if (answer.future().isComplete()) {
                request.reset();
                return Future.failedFuture("abandoned at its timeout");
              }
              return (call.body() == null ? request.send() : request.send(call.body()))
                  .compose(
                      response ->
                          response
                              .body()
                              .map(
                                  content ->
                                      new ApiResponse(
                                          response.statusCode(), response.headers(), content)));
            })
        .onComplete(
            done -> {
              vertx.cancelTimer(timer);
              if (done.succeeded()) {
                answer.tryComplete(done.result());
              } else {
                answer.tryFail(done.cause());
              }
            });
    return answer.future();
  }
}
