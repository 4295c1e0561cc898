package dev.paastis;

import dev.paastis.config.ConfigException;
import dev.paastis.config.PaastisConfig;
import dev.paastis.events.EventStore;
import dev.paastis.events.memory.InMemoryEventStore;
import dev.paastis.lifecycle.Metrics;
import dev.paastis.metrics.MeteredRegistry;
import dev.paastis.metrics.MeteredTracker;
import dev.paastis.registry.AppTracker;
import dev.paastis.registry.Peers;
import dev.paastis.registry.Registry;
import dev.paastis.registry.RegistryTracker;
import dev.paastis.registry.memory.InMemoryRegistry;
import dev.paastis.registry.redis.RedisState;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The choice of registry and event store by configured type, made in the composition root; fails
 * with a {@link ConfigException} naming the variable for a type this version does not have yet.
 */
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
    Registry registry = new MeteredRegistry(new InMemoryRegistry(), metrics);
    return new TrackedState(registry, new RegistryTracker(registry), Peers.ALONE, registry::close);
  }

  /**
   * A registry, the tracker that writes it, the instances that share it, and how to close them.
   *
   * @param close leaves the peers, writes what is buffered, then closes connections
   */
  record TrackedState(
      Registry registry, AppTracker tracker, Peers peers, Supplier<Future<Void>> close) {}

  static EventStore eventStore(PaastisConfig config) {
    if (!"in-memory".equals(config.events().type())) {
      throw new ConfigException(
          "EVENTS_STORE_TYPE="
              + config.events().type()
              + " is not available in this version yet: expected in-memory");
    }
    return new InMemoryEventStore(config.events().memoryCapacity());
  }
}
