package dev.paastis.provider;

import dev.paastis.lifecycle.MeteredProvider;
import dev.paastis.lifecycle.NoopMetrics;

/** Counting the calls changes nothing of what a provider answers. */
class MeteredProviderContractTest extends FakeProviderContractTest {

  @Override
  protected Provider newProvider() {
    return new MeteredProvider(super.newProvider(), NoopMetrics.INSTANCE);
  }
}
