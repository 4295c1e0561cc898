package dev.paastis.internal.registry;

import dev.paastis.internal.registry.memory.InMemoryRegistry;

class RegistryTrackerTest extends AppTrackerContractTest {

  @Override
  protected AppTracker newTracker() {
    return new RegistryTracker(new InMemoryRegistry());
  }
}
