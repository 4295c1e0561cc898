package dev.paastis.internal.registry.redis;

import io.vertx.redis.client.Response;
import io.vertx.redis.client.ResponseType;
import java.util.function.BiConsumer;

/** Reading Redis replies the same way whichever protocol (RESP2 or RESP3) the server speaks. */
final class Replies {

  private Replies() {}

  /**
   * The pairs of a reply of pairs (HGETALL, ZRANGE WITHSCORES): a map or nested pairs in RESP3, a
   * flat array in RESP2. Linear in the reply's size.
   */
  static void pairs(Response reply, BiConsumer<String, Response> pair) {
    if (reply == null) {
      return;
    }
    if (reply.isMap()) {
      reply.getKeys().forEach(key -> pair.accept(key, reply.get(key)));
      return;
    }
    int size = reply.size();
    if (size > 0 && reply.get(0).type() == ResponseType.MULTI) {
      reply.forEach(item -> pair.accept(item.get(0).toString(), item.get(1)));
      return;
    }
    for (int i = 0; i + 1 < size; i += 2) {
      pair.accept(reply.get(i).toString(), reply.get(i + 1));
    }
  }
}
