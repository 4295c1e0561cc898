package dev.paastis.testing;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/** A real HTTP client call to the proxy, with the body read inside the future chain. */
public final class TestHttp {

  public record Response(int status, MultiMap headers, Buffer body) {
    public JsonObject json() {
      return body.toJsonObject();
    }

    public String text() {
      return body.toString();
    }
  }

  private TestHttp() {}

  public static Future<Response> send(
      HttpClient client,
      int port,
      HttpMethod method,
      String host,
      String uri,
      Map<String, String> headers,
      Buffer body) {
    RequestOptions options =
        new RequestOptions()
            .setHost("127.0.0.1")
            .setPort(port)
            .setMethod(method)
            .setURI(uri)
            .setIdleTimeout(60_000)
            .putHeader("host", host);
    headers.forEach(options::putHeader);
    // body() is read inside send()'s own callback: a flat compose chain sometimes lost the body
    // with Vert.x 5.0.10 and hung.
    return client
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
                                        new Response(
                                            response.statusCode(), response.headers(), content))));
  }

  /**
   * A GET that must be answered within {@code bound}: a functional "does not hang" limit, set wide
   * of what the behaviour under test needs, never a measure of speed.
   */
  public static Response getWithin(
      HttpClient client, int port, String host, String uri, java.time.Duration bound)
      throws Exception {
    return send(client, port, HttpMethod.GET, host, uri, Map.of(), null)
        .toCompletionStage()
        .toCompletableFuture()
        .get(bound.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  public static Response get(HttpClient client, int port, String host, String uri)
      throws Exception {
    return send(client, port, HttpMethod.GET, host, uri, Map.of(), null)
        .toCompletionStage()
        .toCompletableFuture()
        .get(60, java.util.concurrent.TimeUnit.SECONDS);
  }
}
