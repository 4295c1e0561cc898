package dev.paastis.internal.registry.redis;

import dev.paastis.app.Formation;
import dev.paastis.app.ProviderApp;
import dev.paastis.internal.registry.AppTracker;
import dev.paastis.policy.ActivityHistory;
import dev.paastis.registry.ManagedApp;
import dev.paastis.registry.TrackedApp;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tracker of instances sharing Redis: each write is one Lua script (atomic whatever the other
 * instances do), last-access writes are buffered and pipelined ({@link TouchBuffer}), and claims
 * are Redis locks with an expiry ({@link RedisLocks}). Futures complete on a Vert.x thread.
 */
final class RedisTracker implements AppTracker {

  private final RedisRegistry store;
  private final TouchBuffer touches;
  private final RedisLocks locks;

  RedisTracker(RedisRegistry store, TouchBuffer touches, RedisLocks locks) {
    this.store = store;
    this.touches = touches;
    this.locks = locks;
  }

  @Override
  public Future<List<ManagedApp>> all() {
    return store.all();
  }

  @Override
  public Future<List<TrackedApp>> index() {
    return store.index();
  }

  /** The records and bitmaps of these apps, MGET in one round trip. */
  @Override
  public Future<Map<String, ActivityHistory>> activity(Collection<String> keys) {
    return store
        .read(List.copyOf(keys))
        .map(
            apps -> {
              Map<String, ActivityHistory> byKey = new HashMap<>();
              apps.forEach(app -> byKey.put(app.key(), app.activity()));
              return byKey;
            });
  }

  @Override
  public Future<Boolean> registerIfAbsent(ProviderApp app, Duration maxIdleTime, Instant now) {
    return register(Scripts.REGISTER_IF_ABSENT, app, maxIdleTime, now);
  }

  @Override
  public Future<Boolean> markAwake(ProviderApp app, Duration maxIdleTime, Instant now) {
    return register(Scripts.MARK_AWAKE, app, maxIdleTime, now);
  }

  /**
   * Runs a script that registers the app when it is not tracked (ARGV: key, provider, the record,
   * its idle deadline, now); true when it registered it.
   */
  private Future<Boolean> register(
      RedisScript script, ProviderApp app, Duration maxIdleTime, Instant now) {
    ManagedApp registered =
        ManagedApp.registered(app.key(), app.provider(), app.region(), maxIdleTime, now);
    return script
        .run(
            store.redis(),
            store.appKeys(app.key()),
            List.of(
                app.key(),
                app.provider(),
                StoredApp.encode(registered),
                registered.idleDeadline().toEpochMilli(),
                now.toEpochMilli()))
        .map(reply -> reply.toLong() == 1);
  }

  /** Buffered: written with the other touches of the next few milliseconds, in one pipeline. */
  @Override
  public Future<Void> touch(String key, Instant at) {
    return touches.touch(key, at);
  }

  @Override
  public Future<Void> saveFormation(String key, Formation formation, Instant at) {
    String saved = formation.total() > 0 ? StoredApp.formation(formation).encode() : "";
    return Scripts.SAVE_FORMATION
        .run(store.redis(), store.formationKeys(key), List.of(key, saved, at.toEpochMilli()))
        .mapEmpty();
  }

  @Override
  public Future<Boolean> pin(String key, Optional<Instant> until) {
    String at = until.map(instant -> String.valueOf(instant.toEpochMilli())).orElse("");
    return Scripts.PIN
        .run(store.redis(), store.pinKeys(key), List.of(key, at))
        .map(reply -> reply.toLong() == 1);
  }

  @Override
  public Future<Boolean> forget(String key) {
    return store.remove(key);
  }

  @Override
  public Future<Claim> claimWake(String key) {
    return locks.claim(key, "wake");
  }

  @Override
  public Future<Claim> claimStop(String key) {
    return locks.claim(key, "stop");
  }
}
