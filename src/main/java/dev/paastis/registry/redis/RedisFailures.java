package dev.paastis.registry.redis;

import dev.paastis.registry.RegistryUnavailableException;
import io.vertx.core.Future;
import io.vertx.redis.client.Response;

/**
 * Tells a Redis that could not be reached (transient: {@link RegistryUnavailableException}) from a
 * Redis that answered with an error (a bug or a foreign record: passed on as it is).
 */
final class RedisFailures {

  private RedisFailures() {}

  static <T> Future<T> mapped(Future<T> call) {
    return call.recover(failure -> Future.failedFuture(map(failure)));
  }

  static Throwable map(Throwable failure) {
    if (failure instanceof Response || failure instanceof RegistryUnavailableException) {
      return failure; // an error reply: Redis answered
    }
    return new RegistryUnavailableException(
        "Redis could not be reached: " + failure.getMessage(), failure);
  }
}
