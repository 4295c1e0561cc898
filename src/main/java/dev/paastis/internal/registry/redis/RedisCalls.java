package dev.paastis.internal.registry.redis;

import dev.paastis.registry.RegistryUnavailableException;
import io.vertx.core.Future;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.List;

/**
 * Every call this package makes to Redis, so that each one tells a Redis that could not be reached
 * (transient: {@link RegistryUnavailableException}, a 503 at the edge) from a Redis that answered
 * with an error (an error reply, passed on as it is).
 */
final class RedisCalls {

  private final Redis redis;

  RedisCalls(Redis redis) {
    this.redis = redis;
  }

  Future<Response> send(Request request) {
    return mapped(redis.send(request));
  }

  /** The requests in one pipeline (one round trip). */
  Future<List<Response>> batch(List<Request> requests) {
    return mapped(redis.batch(requests));
  }

  /** A connection of its own, for a subscription. */
  Future<RedisConnection> connect() {
    return redis.connect();
  }

  Future<Void> close() {
    return redis.close();
  }

  private static <T> Future<T> mapped(Future<T> call) {
    return call.recover(failure -> Future.failedFuture(map(failure)));
  }

  private static Throwable map(Throwable failure) {
    if (failure instanceof Response) {
      return failure; // an error reply: Redis answered
    }
    return new RegistryUnavailableException(
        "Redis could not be reached: " + failure.getMessage(), failure);
  }
}
