package dev.paastis.lifecycle;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.URI;

/**
 * Whether an upstream answers HTTP. Any answer counts except the gateway errors (502, 503, 504)
 * that PaaS routers give while an app boots.
 */
public final class UpstreamCheck {

  private static final long CONNECT_TIMEOUT_MS = 1_000;
  private static final long IDLE_TIMEOUT_MS = 3_000;

  private final HttpClient client;

  public UpstreamCheck(HttpClient client) {
    this.client = client;
  }

  /** Succeeds with true when the upstream answered, false when it did not (yet). */
  public Future<Boolean> answers(URI upstream) {
    RequestOptions options =
        new RequestOptions()
            .setMethod(HttpMethod.GET)
            .setAbsoluteURI(upstream.toString())
            .setConnectTimeout(CONNECT_TIMEOUT_MS)
            .setIdleTimeout(IDLE_TIMEOUT_MS)
            .putHeader("User-Agent", "paastis-readiness");
    return client
        .request(options)
        .compose(
            request ->
                request
                    .send()
                    .compose(
                        response -> response.end().map(ignored -> isAnswer(response.statusCode()))))
        .otherwise(false);
  }

  private static boolean isAnswer(int status) {
    return status != 502 && status != 503 && status != 504;
  }
}
