package dev.paastis.internal.registry.redis;

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

  /**
   * The hours one tracked app was used in over 28 days: a bitmap of 672 bits, bit {@code epoch hour
   * mod 672} (the record's {@code activityHour} is the newest hour recorded).
   */
  String activity(String key) {
    return prefix + "activity:" + key;
  }

  /** Every tracked app: a hash of app key to provider name. */
  String apps() {
    return prefix + "apps";
  }

  /** The idle deadline of every awake tracked app: a sorted set scored in epoch milliseconds. */
  String idle() {
    return prefix + "idle";
  }

  /** The pin of every pinned tracked app: a hash of app key to epoch milliseconds. */
  String pins() {
    return prefix + "pins";
  }

  /** The claim on one app's wake or stop: the holder's token, with an expiry. */
  String lock(String key) {
    return prefix + "lock:" + key;
  }

  /** The leader's instance id, with an expiry. */
  String leader() {
    return prefix + "leader";
  }

  /** The last listing of a provider the leader shared: a JSON array of apps. */
  String listing(String provider) {
    return prefix + "listing:" + provider;
  }

  /** The pub/sub channel of the news instances share. */
  String news() {
    return prefix + "news";
  }

  String prefix() {
    return prefix;
  }
}
