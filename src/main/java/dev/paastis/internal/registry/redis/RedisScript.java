package dev.paastis.internal.registry.redis;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A Lua script run atomically by Redis: sent by its SHA-1 ({@code EVALSHA}), and whole ({@code
 * EVAL}) only when the server does not have it yet (a new or restarted Redis answers NOSCRIPT).
 */
final class RedisScript {

  private final String source;
  private final String sha;

  RedisScript(String source) {
    this.source = source;
    this.sha = sha1(source);
  }

  /** One call of the script, to send alone or in a pipeline. */
  Call call(List<String> keys, List<Object> args) {
    return new Call(this, keys, args);
  }

  Future<Response> run(RedisCalls redis, List<String> keys, List<Object> args) {
    Call call = call(keys, args);
    return redis
        .send(call.bySha())
        .recover(
            failure ->
                isNoScript(failure) ? redis.send(call.whole()) : Future.failedFuture(failure));
  }

  /**
   * Sends the calls in one pipeline (one round trip); when the server lacks a script, the calls are
   * sent again whole. Each response is in the order of the calls; a call's own error fails the
   * whole batch.
   */
  static Future<List<Response>> batch(RedisCalls redis, List<Call> calls) {
    List<Request> bySha = new ArrayList<>(calls.size());
    calls.forEach(call -> bySha.add(call.bySha()));
    return redis
        .batch(bySha)
        .recover(
            failure -> {
              if (!isNoScript(failure)) {
                return Future.failedFuture(failure);
              }
              List<Request> whole = new ArrayList<>(calls.size());
              calls.forEach(call -> whole.add(call.whole()));
              return redis.batch(whole);
            });
  }

  private static boolean isNoScript(Throwable failure) {
    String message = failure.getMessage();
    // "NOSCRIPT ..." alone, "ERR [i] NOSCRIPT ..." for a call of a pipeline
    return message != null && message.contains("NOSCRIPT");
  }

  private static String sha1(String source) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-1");
      return HexFormat.of().formatHex(digest.digest(source.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-1", e);
    }
  }

  /** A script with its keys and arguments. */
  record Call(RedisScript script, List<String> keys, List<Object> args) {

    Request bySha() {
      return with(Request.cmd(Command.EVALSHA).arg(script.sha));
    }

    Request whole() {
      return with(Request.cmd(Command.EVAL).arg(script.source));
    }

    private Request with(Request request) {
      request.arg(keys.size());
      keys.forEach(request::arg);
      for (Object arg : args) {
        if (arg instanceof byte[] bytes) {
          request.arg(bytes); // binary, as is: a bitmap
        } else {
          request.arg(String.valueOf(arg));
        }
      }
      return request;
    }
  }
}
