package dev.paastis.provider.internal;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls a provider's HTTP API with a timeout on every call, retrying what is worth retrying:
 * connection failures, timeouts and 5xx with exponential backoff, 429 after its Retry-After (or the
 * backoff when it has none). Other statuses are returned to the caller to map.
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

  /** Sends the request; fails only when every attempt failed to get an HTTP answer. */
  public Future<ApiResponse> send(HttpMethod method, URI url, MultiMap headers, Buffer body) {
    Promise<ApiResponse> result = Promise.promise();
    attempt(method, url, headers, body, 1, result);
    return result.future();
  }

  private void attempt(
      HttpMethod method,
      URI url,
      MultiMap headers,
      Buffer body,
      int attempt,
      Promise<ApiResponse> result) {
    RequestOptions options =
        new RequestOptions()
            .setMethod(method)
            .setAbsoluteURI(url.toString())
            .setHeaders(headers)
            .setConnectTimeout(retries.callTimeout().toMillis())
            .setIdleTimeout(retries.callTimeout().toMillis());
    client
        .request(options)
        .compose(
            request ->
                (body == null ? request.send() : request.send(body))
                    .compose(
                        response ->
                            response
                                .body()
                                .map(
                                    content ->
                                        new ApiResponse(
                                            response.statusCode(), response.headers(), content))))
        .onComplete(
            done -> {
              Duration wait = done.succeeded() ? retries.waitBefore(done.result(), attempt) : null;
              boolean retry =
                  attempt < retries.maxAttempts()
                      && (done.failed() || (wait != null && retries.isRetryable(done.result())));
              if (!retry) {
                if (done.succeeded()) {
                  result.complete(done.result());
                } else {
                  result.fail(done.cause());
                }
                return;
              }
              Duration delay = wait != null ? wait : retries.backoff(attempt);
              LOG.debug(
                  "{} {} {} failed ({}), retrying in {} ms",
                  provider,
                  method,
                  url.getPath(),
                  done.succeeded() ? done.result().status() : done.cause().toString(),
                  delay.toMillis());
              vertx.setTimer(
                  Math.max(1, delay.toMillis()),
                  id -> attempt(method, url, headers, body, attempt + 1, result));
            });
  }
}
