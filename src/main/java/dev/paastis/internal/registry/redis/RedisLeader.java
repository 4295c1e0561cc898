package dev.paastis.internal.registry.redis;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One leader among the instances: a key set only if absent, with an expiry, renewed by its holder
 * every third of it. Every instance tries as often: when the leader dies, its key expires and
 * another takes it within one lease and a third. A leader that cannot reach Redis stops leading at
 * once (it decides nothing on state it cannot read), before its lease ends.
 */
final class RedisLeader {

  private static final Logger LOG = LoggerFactory.getLogger(RedisLeader.class);

  private final Vertx vertx;
  private final RedisRegistry store;
  private final String token;
  private final Duration lease;
  private volatile boolean leads;
  private volatile boolean unreachable;
  private long timer = -1;

  RedisLeader(Vertx vertx, RedisRegistry store, String instanceId, Duration lease) {
    this.vertx = vertx;
    this.store = store;
    this.token = instanceId;
    this.lease = lease;
  }

  boolean leads() {
    return leads;
  }

  /** Tries once now (so that the first tick knows), then every third of the lease. */
  synchronized Future<Void> start() {
    if (timer < 0) {
      timer = vertx.setPeriodic(Math.max(1, lease.toMillis() / 3), id -> attempt());
    }
    return attempt();
  }

  private Future<Void> attempt() {
    return Scripts.HOLD
        .run(store.redis(), List.of(store.keys().leader()), List.of(token, lease.toMillis()))
        .transform(
            done -> {
              set(done.succeeded() && done.result().toLong() == 1, done.cause());
              return Future.succeededFuture();
            });
  }

  private void set(boolean now, Throwable failure) {
    if (failure != null && !unreachable) {
      unreachable = true;
      LOG.warn(
          "Redis could not be reached ({}): apps known to run are still proxied, wakes are"
              + " answered 503, no app is stopped; trying again every {} ms",
          failure.getMessage(),
          Math.max(1, lease.toMillis() / 3));
    } else if (failure == null && unreachable) {
      unreachable = false;
      LOG.info("Redis answers again");
    }
    if (now != leads) {
      LOG.info(
          now
              ? "this instance leads: it runs discovery, the idle sweep and the listings"
              : "this instance no longer leads{}",
          failure == null ? "" : " (Redis: " + failure.getMessage() + ")");
    }
    leads = now;
  }

  /** Stops trying, and frees the lead for another instance at once. */
  synchronized Future<Void> close() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
    leads = false;
    // whatever this instance believed: the script deletes the key only if it holds it
    return Scripts.RELEASE
        .run(store.redis(), List.of(store.keys().leader()), List.of(token))
        .<Void>mapEmpty()
        .otherwiseEmpty();
  }
}
