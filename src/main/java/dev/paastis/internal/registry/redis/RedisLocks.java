package dev.paastis.internal.registry.redis;

import dev.paastis.internal.registry.AppTracker.Claim;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims on one app's wake or stop shared by every instance: a key set only if absent, with an
 * expiry so that a claim dies with the instance that held it, renewed while its work runs and
 * deleted by its holder alone (its token must match).
 */
final class RedisLocks {

  private static final Logger LOG = LoggerFactory.getLogger(RedisLocks.class);

  private final Vertx vertx;
  private final RedisRegistry store;
  private final String instanceId;
  private final Duration ttl;
  private final AtomicLong counter = new AtomicLong();

  RedisLocks(Vertx vertx, RedisRegistry store, String instanceId, Duration ttl) {
    this.vertx = vertx;
    this.store = store;
    this.instanceId = instanceId;
    this.ttl = ttl;
  }

  /** Claims {@code kind} (wake, stop) on the app; not granted while any claim on it is held. */
  Future<Claim> claim(String key, String kind) {
    String lock = store.keys().lock(key);
    String token = instanceId + ":" + kind + ":" + counter.incrementAndGet();
    Request set =
        Request.cmd(Command.SET).arg(lock).arg(token).arg("NX").arg("PX").arg(ttl.toMillis());
    return store
        .redis()
        .send(set)
        .map(reply -> reply == null ? Claim.NOT_GRANTED : held(key, lock, token));
  }

  private Claim held(String key, String lock, String token) {
    HeldClaim claim = new HeldClaim(key, lock, token);
    long every = Math.max(1, ttl.toMillis() / 3);
    claim.timer = vertx.setPeriodic(every, id -> claim.renew());
    return claim;
  }

  private final class HeldClaim implements Claim {

    private final String key;
    private final String lock;
    private final String token;
    private final AtomicBoolean released = new AtomicBoolean();
    private volatile long timer;

    HeldClaim(String key, String lock, String token) {
      this.key = key;
      this.lock = lock;
      this.token = token;
    }

    @Override
    public boolean granted() {
      return true;
    }

    void renew() {
      Scripts.RENEW
          .run(store.redis(), List.of(lock), List.of(token, ttl.toMillis()))
          .onSuccess(
              renewed -> {
                if (renewed.toLong() == 0 && !released.get()) {
                  LOG.warn("the claim of this instance on {} expired while it worked on it", key);
                  vertx.cancelTimer(timer);
                }
              })
          .onFailure(
              failure ->
                  LOG.debug("renewing the claim on {} failed: {}", key, failure.getMessage()));
    }

    @Override
    public Future<Void> release() {
      if (!released.compareAndSet(false, true)) {
        return Future.succeededFuture();
      }
      vertx.cancelTimer(timer);
      return Scripts.RELEASE.run(store.redis(), List.of(lock), List.of(token)).mapEmpty();
    }
  }
}
