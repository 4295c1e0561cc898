package dev.paastis;

import dev.paastis.config.ConfigException;
import dev.paastis.config.PaastisConfig;
import dev.paastis.events.EventStore;
import dev.paastis.events.memory.InMemoryEventStore;
import dev.paastis.registry.Registry;
import dev.paastis.registry.memory.InMemoryRegistry;

/**
 * The choice of registry and event store by configured type, made in the composition root; fails
 * with a {@link ConfigException} naming the variable for a type this version does not have yet.
 */
final class Stores {

  private Stores() {}

  static Registry registry(PaastisConfig config) {
    if (!"in-memory".equals(config.registry().type())) {
      throw new ConfigException(
          "REGISTRY_TYPE="
              + config.registry().type()
              + " is not available in this version yet: expected in-memory");
    }
    return new InMemoryRegistry();
  }

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
