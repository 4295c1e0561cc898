package dev.paastis.internal.registry.redis;

import dev.paastis.registry.ManagedApp;
import dev.paastis.registry.Registry;
import dev.paastis.registry.TrackedApp;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry on Redis, shared by every instance and kept across restarts. Layout (docs/redis.md):
 * one JSON record and one activity bitmap per app, a hash of the tracked apps' providers, a sorted
 * set of idle deadlines and a hash of pins, all under the key prefix; every write is one Lua
 * script, so they stay in step. Futures complete on a Vert.x thread.
 */
public final class RedisRegistry implements Registry {

  /**
   * Apps read per MGET (their records and activity bitmaps, two keys each): bounded replies
   * whatever the number of apps.
   */
  private static final int READ_CHUNK = 250;

  private final RedisCalls redis;
  private final RedisKeys keys;

  RedisRegistry(RedisCalls redis, RedisKeys keys) {
    this.redis = redis;
    this.keys = keys;
  }

  RedisCalls redis() {
    return redis;
  }

  RedisKeys keys() {
    return keys;
  }

  @Override
  public Future<Optional<ManagedApp>> get(String key) {
    return read(List.of(key)).map(apps -> apps.stream().findFirst());
  }

  @Override
  public Future<List<ManagedApp>> all() {
    return redis
        .send(Request.cmd(Command.HKEYS).arg(keys.apps()))
        .compose(
            names -> {
              List<String> appKeys = new ArrayList<>();
              names.forEach(name -> appKeys.add(name.toString()));
              appKeys.sort(Comparator.naturalOrder());
              return read(appKeys);
            });
  }

  /**
   * The records of these apps with their activity, in their order, in one round trip; apps not
   * tracked (or forgotten meanwhile) are left out.
   */
  Future<List<ManagedApp>> read(List<String> appKeys) {
    if (appKeys.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    List<Request> reads = new ArrayList<>();
    for (int from = 0; from < appKeys.size(); from += READ_CHUNK) {
      Request mget = Request.cmd(Command.MGET);
      for (String key : appKeys.subList(from, Math.min(from + READ_CHUNK, appKeys.size()))) {
        mget.arg(keys.app(key)).arg(keys.activity(key));
      }
      reads.add(mget);
    }
    return redis
        .batch(reads)
        .map(
            replies -> {
              List<ManagedApp> apps = new ArrayList<>(appKeys.size());
              int index = 0;
              for (Response reply : replies) {
                for (int i = 0; i < reply.size(); i += 2) {
                  Response stored = reply.get(i);
                  Response activity = reply.get(i + 1);
                  String name = keys.app(appKeys.get(index++));
                  // forgotten between the two reads: not tracked any more
                  if (stored != null) {
                    apps.add(
                        StoredApp.decode(
                            name, stored.toString(), activity == null ? null : activity.toBytes()));
                  }
                }
              }
              return apps;
            });
  }

  /** Three reads in one round trip, whatever the number of apps; no record is read. */
  @Override
  public Future<List<TrackedApp>> index() {
    return redis
        .batch(
            List.of(
                Request.cmd(Command.HGETALL).arg(keys.apps()),
                Request.cmd(Command.ZRANGE).arg(keys.idle()).arg(0).arg(-1).arg("WITHSCORES"),
                Request.cmd(Command.HGETALL).arg(keys.pins())))
        .map(replies -> index(replies.get(0), replies.get(1), replies.get(2)));
  }

  private static List<TrackedApp> index(Response providers, Response deadlines, Response pins) {
    Map<String, Instant> idle = new HashMap<>();
    Replies.pairs(
        deadlines,
        (key, score) -> idle.put(key, Instant.ofEpochMilli(Math.round(score.toDouble()))));
    Map<String, Instant> pinned = new HashMap<>();
    Replies.pairs(pins, (key, until) -> pinned.put(key, Instant.ofEpochMilli(until.toLong())));
    List<TrackedApp> apps = new ArrayList<>();
    Replies.pairs(
        providers,
        (key, provider) ->
            apps.add(
                new TrackedApp(
                    key,
                    provider.toString(),
                    Optional.ofNullable(idle.get(key)),
                    Optional.ofNullable(pinned.get(key)))));
    apps.sort(Comparator.comparing(TrackedApp::key));
    return apps;
  }

  @Override
  public Future<Void> ping() {
    return redis.send(Request.cmd(Command.PING)).mapEmpty();
  }

  @Override
  public Future<Void> put(ManagedApp app) {
    String deadline = app.isSleeping() ? "" : String.valueOf(app.idleDeadline().toEpochMilli());
    String pinned = app.pinnedUntil().map(at -> String.valueOf(at.toEpochMilli())).orElse("");
    byte[] activity = StoredActivity.bitmap(app.activity());
    return Scripts.PUT
        .run(
            redis,
            appKeys(app.key()),
            List.of(
                app.key(),
                app.provider(),
                StoredApp.encode(app),
                deadline,
                pinned,
                activity.length == 0 ? "" : activity))
        .mapEmpty();
  }

  @Override
  public Future<Void> touch(String key, Instant at) {
    return Scripts.TOUCH.run(redis, touchKeys(key), touchArgs(key, at)).mapEmpty();
  }

  @Override
  public Future<Boolean> remove(String key) {
    return Scripts.FORGET
        .run(redis, appKeys(key), List.of(key))
        .map(deleted -> deleted.toLong() > 0);
  }

  /**
   * The keys of the scripts that edit the record, the apps hash, the idle set, the pins and the
   * activity.
   */
  List<String> appKeys(String key) {
    return List.of(keys.app(key), keys.apps(), keys.idle(), keys.pins(), keys.activity(key));
  }

  List<String> pinKeys(String key) {
    return List.of(keys.app(key), keys.pins());
  }

  List<String> touchKeys(String key) {
    return List.of(keys.app(key), keys.idle(), keys.activity(key));
  }

  List<String> formationKeys(String key) {
    return List.of(keys.app(key), keys.idle());
  }

  static List<Object> touchArgs(String key, Instant at) {
    return List.of(key, at.toEpochMilli());
  }

  @Override
  public Future<Void> close() {
    return redis.close();
  }
}
