package dev.paastis.internal.registry.redis;

import dev.paastis.config.RegistryConfig;
import dev.paastis.internal.registry.AppTracker;
import dev.paastis.internal.registry.Peers;
import dev.paastis.registry.Registry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import java.time.Duration;
import java.util.UUID;

/**
 * The state several Paastis instances share in Redis (REGISTRY_TYPE=redis): the registry they read
 * and the tracker they write through. The one public entry point of this package; the composition
 * root creates it.
 */
public final class RedisState {

  /** How long a claim lives when its holder stops renewing it (it died, or lost Redis). */
  static final Duration CLAIM_TTL = Duration.ofSeconds(10);

  private final RedisRegistry registry;
  private final TouchBuffer touches;
  private final RedisTracker tracker;
  private final String instanceId;
  private final RedisPeers peers;

  private RedisState(Vertx vertx, Redis redis, RegistryConfig config, Duration claimTtl) {
    this.instanceId = UUID.randomUUID().toString().substring(0, 8);
    this.registry = new RedisRegistry(new RedisCalls(redis), new RedisKeys(config.keyPrefix()));
    this.touches = new TouchBuffer(vertx, registry);
    this.tracker =
        new RedisTracker(registry, touches, new RedisLocks(vertx, registry, instanceId, claimTtl));
    this.peers =
        new RedisPeers(
            vertx, registry, instanceId, new RedisLeader(vertx, registry, instanceId, claimTtl));
  }

  /**
   * The shared state at the configuration's Redis URL. Connections are made on first use and made
   * again after a failure, so this never fails because Redis is down.
   */
  public static RedisState create(Vertx vertx, RegistryConfig config) {
    return create(vertx, config, CLAIM_TTL);
  }

  static RedisState create(Vertx vertx, RegistryConfig config, Duration claimTtl) {
    String url =
        config
            .redisUrl()
            .orElseThrow(() -> new IllegalArgumentException("REGISTRY_TYPE=redis needs a URL"))
            .value();
    RedisOptions options =
        new RedisOptions()
            .setConnectionString(url.trim())
            .setMaxPoolSize(8)
            .setMaxPoolWaiting(4096)
            .setNetClientOptions(netOptions(config.redisTlsVerify()));
    return new RedisState(vertx, Redis.createClient(vertx, options), config, claimTtl);
  }

  /**
   * TLS as {@code rediss://} asks: the server's certificate checked, hostname included, unless
   * REGISTRY_REDIS_TLS_VERIFY=false (managed Redis offers with self-signed certificates).
   */
  private static NetClientOptions netOptions(boolean verify) {
    NetClientOptions options =
        new NetClientOptions().setTcpKeepAlive(true).setConnectTimeout(5_000);
    if (verify) {
      options.setHostnameVerificationAlgorithm("HTTPS");
    } else {
      options.setTrustAll(true).setHostnameVerificationAlgorithm("");
    }
    return options;
  }

  public Registry registry() {
    return registry;
  }

  public AppTracker tracker() {
    return tracker;
  }

  /** The other instances on this Redis: leadership and news. */
  public Peers peers() {
    return peers;
  }

  /** This instance's name in the claims it holds. */
  public String instanceId() {
    return instanceId;
  }

  /** Writes the buffered last-access times, then closes the connections. */
  public Future<Void> close() {
    return peers.close().eventually(touches::drain).eventually(registry::close);
  }
}
