package dev.paastis.internal.lifecycle;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Asks an app whether it is busy before an idle stop (a rule's {@code busy_probe}): {@code GET} of
 * the probe path at the app's web URL; {@code 409 Conflict} or {@code 423 Locked} mean busy (a job
 * is running), anything else, or no whole answer within the timeout, means the stop may go on: an
 * app that cannot answer must not keep itself awake forever.
 */
public final class BusyProbe {

  /** What the app answered: busy or not, and what it said, for the log and the event. */
  public record Answer(boolean busy, String said) {}

  private final Vertx vertx;
  private final HttpClient client;

  /** {@code client} may be the readiness checks' one ({@link UpstreamCheck#clientOptions()}). */
  public BusyProbe(Vertx vertx, HttpClient client) {
    this.vertx = vertx;
    this.client = client;
  }

  /** Never fails: no answer within {@code timeout} is "not busy". */
  public Future<Answer> ask(URI upstream, String path, Duration timeout) {
    RequestOptions options =
        new RequestOptions()
            .setMethod(HttpMethod.GET)
            .setAbsoluteURI(upstream.resolve(path).toString())
            .setConnectTimeout(timeout.toMillis())
            .putHeader("User-Agent", "paastis-busy-probe");
    Promise<Answer> answer = Promise.promise();
    AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
    long timer =
        vertx.setTimer(
            Math.max(1, timeout.toMillis()),
            id -> {
              if (answer.tryComplete(new Answer(false, "no answer within " + timeout))) {
                HttpClientRequest request = sent.get();
                if (request != null) {
                  request.reset(); // the connection is not reused with an answer half read
                }
              }
            });
    client
        .request(options)
        .compose(
            request -> {
              sent.set(request);
              return request.send();
            })
        .compose(response -> response.body().map(body -> statusAnswer(response.statusCode())))
        .onComplete(
            done -> {
              vertx.cancelTimer(timer);
              answer.tryComplete(
                  done.succeeded()
                      ? done.result()
                      : new Answer(false, "no answer: " + AppLifecycle.message(done.cause())));
            });
    return answer.future();
  }

  private static Answer statusAnswer(int status) {
    return new Answer(status == 409 || status == 423, "status " + status);
  }
}
