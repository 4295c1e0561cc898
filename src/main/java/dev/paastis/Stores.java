package dev.paastis;

import dev.paastis.config.PaastisConfig;
import dev.paastis.events.EventStore;
import dev.paastis.internal.events.memory.InMemoryEventStore;
import dev.paastis.internal.events.postgres.PostgresEventStore;
import dev.paastis.internal.lifecycle.Metrics;
import dev.paastis.internal.metrics.MeteredRegistry;
import dev.paastis.internal.metrics.MeteredTracker;
import dev.paastis.internal.registry.AppTracker;
import dev.paastis.internal.registry.Peers;
import dev.paastis.internal.registry.RegistryTracker;
import dev.paastis.internal.registry.memory.InMemoryRegistry;
import dev.paastis.internal.registry.redis.RedisState;
import dev.paastis.registry.Registry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The choice of registry and event store by configured type, made in the composition root. */
final class Stores {

  private static final Logger LOG = LoggerFactory.getLogger(Stores.class);

  private Stores() {}

  /**
   * The registry REGISTRY_TYPE names, metered, with the tracker that writes it: on Redis, the state
   * several instances share; in memory, this instance's alone.
   */
  static TrackedState registry(Vertx vertx, PaastisConfig config, Metrics metrics) {
    if ("redis".equals(config.registry().type())) {
      RedisState redis = RedisState.create(vertx, config.registry());
      LOG.info(
          "registry: Redis, keys under {} (instance {})",
          config.registry().keyPrefix(),
          redis.instanceId());
      return new TrackedState(
          new MeteredRegistry(redis.registry(), metrics),
          new MeteredTracker(redis.tracker(), metrics),
          redis.peers(),
          redis::close);
    }
    return alone(new InMemoryRegistry(), metrics);
  }

  /** A registry this instance alone writes, metered, with its tracker: in memory, or given. */
  static TrackedState alone(Registry given, Metrics metrics) {
    Registry registry = new MeteredRegistry(given, metrics);
    return new TrackedState(registry, new RegistryTracker(registry), Peers.ALONE, registry::close);
  }

  /**
   * A registry, the tracker that writes it, the instances that share it, and how to close them.
   *
   * @param close leaves the peers, writes what is buffered, then closes connections
   */
  record TrackedState(
      Registry registry, AppTracker tracker, Peers peers, Supplier<Future<Void>> close) {}

  /** The event store EVENTS_STORE_TYPE names: in memory, or PostgreSQL shared by instances. */
  static EventStore eventStore(Vertx vertx, PaastisConfig config, Clock clock) {
    if ("postgres".equals(config.events().type())) {
      LOG.info("event store: PostgreSQL, kept {}", config.events().retention());
      return PostgresEventStore.create(vertx, config.events(), clock);
    }
    return new InMemoryEventStore(config.events().memoryCapacity());
  }
}
