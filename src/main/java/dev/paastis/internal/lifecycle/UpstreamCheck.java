package dev.paastis.internal.lifecycle;

import dev.paastis.provider.AnswerOrigin;
import dev.paastis.provider.RouterPages;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks an app's web URL whether the app answers, and tells who answered: the app, or its platform's
 * router ({@link RouterPages}).
 *
 * <p>Cheap on purpose, since readiness asks every few tens of milliseconds around a boot's end:
 * {@code HEAD}, because the status and headers are all it reads, so no body (a large home page, a
 * router's HTML) crosses the wire and the connection is free again at once; over kept-alive
 * connections ({@link #clientOptions()}), so that probing a remote router costs one TCP and TLS
 * handshake per wake rather than one per probe. A router may hold a probe while the app boots
 * (Heroku's enqueues requests for up to 75 s): the idle timeout lets such a probe wait a few
 * seconds for the app's answer before the next one asks again.
 */
public final class UpstreamCheck {

  private static final Logger LOG = LoggerFactory.getLogger(UpstreamCheck.class);

  private static final long CONNECT_TIMEOUT_MS = 1_000;
  private static final long IDLE_TIMEOUT_MS = 5_000;

  /** Idle probe connections close soon after a wake: the next wake may be hours away. */
  private static final int KEEP_ALIVE_SECONDS = 10;

  private final HttpClient client;

  /** {@code client} should be created with {@link #clientOptions()}. */
  public UpstreamCheck(HttpClient client) {
    this.client = client;
  }

  /** The options of the client the check is given: keep-alive, SNI for https upstreams. */
  public static HttpClientOptions clientOptions() {
    return new HttpClientOptions()
        .setForceSni(true)
        .setKeepAlive(true)
        .setKeepAliveTimeout(KEEP_ALIVE_SECONDS);
  }

  /**
   * Succeeds with who answered, empty when nothing did (refused, reset, timed out); never fails.
   */
  public Future<Optional<AnswerOrigin>> answer(URI upstream, RouterPages pages) {
    RequestOptions options =
        new RequestOptions()
            .setMethod(HttpMethod.HEAD)
            .setAbsoluteURI(upstream.toString())
            .setConnectTimeout(CONNECT_TIMEOUT_MS)
            .setIdleTimeout(IDLE_TIMEOUT_MS)
            .putHeader("User-Agent", "paastis-readiness");
    return client
        .request(options)
        .compose(request -> request.send())
        .compose(
            response ->
                response
                    .end()
                    .map(
                        done ->
                            Optional.of(pages.originOf(response.statusCode(), response.headers()))))
        .recover(
            failure -> {
              // a wake probes again soon: a failed probe is routine, but say why for whoever looks
              LOG.debug("readiness probe of {} got no answer: {}", upstream, failure.toString());
              return Future.succeededFuture(Optional.empty());
            });
  }
}
