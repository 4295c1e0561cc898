package dev.paastis.provider;

import dev.paastis.internal.metrics.MeteredProvider;
import dev.paastis.internal.metrics.NoopMetrics;

/** Counting the calls changes nothing of what a provider answers. */
class MeteredProviderContractTest extends FakeProviderContractTest {

  @Override
  protected Provider newProvider() {
    return new MeteredProvider(super.newProvider(), NoopMetrics.INSTANCE);
  }
}
