package dev.paastis.registry.redis;

import java.util.Objects;

/**
 * The names of every key Paastis writes, all under one prefix (REDIS_KEY_PREFIX), so that a
 * database shared with other programs is never touched outside it. docs/redis.md lists them.
 */
final class RedisKeys {

  private final String prefix;

  RedisKeys(String prefix) {
    this.prefix = Objects.requireNonNull(prefix, "prefix");
  }

  /** One tracked app's record: a versioned JSON string. */
  String app(String key) {
    return prefix + "app:" + key;
  }

  /** Every tracked app: a hash of app key to provider name. */
  String apps() {
    return prefix + "apps";
  }

  /** The idle deadline of every awake tracked app: a sorted set scored in epoch milliseconds. */
  String idle() {
    return prefix + "idle";
  }

  /** The claim on one app's wake or stop: the holder's token, with an expiry. */
  String lock(String key) {
    return prefix + "lock:" + key;
  }

  String prefix() {
    return prefix;
  }
}
