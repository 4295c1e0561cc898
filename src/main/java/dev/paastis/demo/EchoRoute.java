package dev.paastis.demo;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * {@code ANY /echo}: answers JSON describing the request. The body is hashed as it streams in, so a
 * large upload is never held in memory.
 */
final class EchoRoute {

  private EchoRoute() {}

  static void handle(HttpServerRequest req) {
    MessageDigest digest = sha256();
    long[] length = {0};
    req.handler(
        chunk -> {
          digest.update(chunk.getBytes());
          length[0] += chunk.length();
        });
    req.exceptionHandler(e -> req.response().reset());
    req.endHandler(
        done -> {
          JsonObject echo =
              new JsonObject()
                  .put("method", req.method().name())
                  .put("path", req.path())
                  .put("query", req.query())
                  .put("headers", headers(req.headers()))
                  .put("bodyLength", length[0])
                  .put("bodySha256", HexFormat.of().formatHex(digest.digest()));
          req.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(echo.encode());
        });
  }

  /** Header names lower-cased, each with the list of its values in arrival order. */
  private static JsonObject headers(MultiMap headers) {
    JsonObject json = new JsonObject();
    headers.forEach(
        (name, value) -> {
          String key = name.toLowerCase(Locale.ROOT);
          JsonArray values = json.getJsonArray(key);
          if (values == null) {
            values = new JsonArray();
            json.put(key, values);
          }
          values.add(value);
        });
    return json;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
