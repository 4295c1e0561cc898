package dev.paastis.provider.local;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.concurrent.TimeUnit;

/** Tells whether a local app answers HTTP on its loopback port, whatever the status code. */
final class HealthProbe {

  private static final int TIMEOUT_MILLIS = 1000;

  private final HttpClient client;

  HealthProbe(Vertx vertx) {
    // No keep-alive: a pooled connection to a child that has since been replaced would make the
    // new child look down.
    this.client =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setConnectTimeout(TIMEOUT_MILLIS)
                .setIdleTimeout(TIMEOUT_MILLIS)
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                .setKeepAlive(false));
  }

  /** Completes with true when {@code GET path} on 127.0.0.1:port gets a response; never fails. */
  Future<Boolean> answers(int port, String path) {
    RequestOptions request =
        new RequestOptions()
            .setMethod(HttpMethod.GET)
            .setHost("127.0.0.1")
            .setPort(port)
            .setURI(path)
            .setConnectTimeout(TIMEOUT_MILLIS)
            .setIdleTimeout(TIMEOUT_MILLIS);
    return client
        .request(request)
        .compose(req -> req.send().map(HealthProbe::drain))
        .otherwise(false);
  }

  Future<Void> close() {
    return client.close();
  }

  private static boolean drain(HttpClientResponse response) {
    // The status line is the answer; the body is read only so the connection can close cleanly.
    // This runs in a callback of send() itself, before any of the body can go by unread.
    response.body();
    return true;
  }
}
