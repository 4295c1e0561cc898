package dev.paastis.internal.registry.memory;

import dev.paastis.registry.Registry;
import dev.paastis.registry.RegistryContractTest;

class InMemoryRegistryTest extends RegistryContractTest {

  @Override
  protected Registry newRegistry() {
    return new InMemoryRegistry();
  }
}
