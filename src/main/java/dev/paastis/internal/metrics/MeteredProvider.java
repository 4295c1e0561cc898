package dev.paastis.internal.metrics;

import dev.paastis.app.Formation;
import dev.paastis.app.ProviderApp;
import dev.paastis.internal.lifecycle.Metrics;
import dev.paastis.provider.CallBudget;
import dev.paastis.provider.Deadline;
import dev.paastis.provider.Provider;
import dev.paastis.provider.Providers;
import dev.paastis.provider.UnknownAppException;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;

/**
 * Counts a provider's API calls by operation and outcome. An app the provider does not know is an
 * answer, not an error: requests to unknown hosts must not look like a failing provider.
 *
 * <p>The wrapper implements {@link Provider} and passes on {@link CallBudget}, which the scheduler
 * asks of the providers it is given; check the other optional abilities ({@code StartupCheck},
 * {@code HostAliases}) on the providers it wraps.
 */
public final class MeteredProvider implements Provider, CallBudget {

  private final Provider delegate;
  private final CallOutcomes calls;

  public MeteredProvider(Provider delegate, Metrics metrics) {
    this.delegate = delegate;
    this.calls =
        new CallOutcomes(
            (operation, succeeded) -> metrics.providerCalled(delegate.name(), operation, succeeded),
            UnknownAppException.class::isInstance);
  }

  /** Every provider wrapped, in the same order. */
  public static Providers wrap(Providers providers, Metrics metrics) {
    return new Providers(
        providers.all().stream()
            .<Provider>map(provider -> new MeteredProvider(provider, metrics))
            .toList());
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public Future<List<ProviderApp>> list() {
    return calls.counted("list", delegate.list());
  }

  @Override
  public Future<ProviderApp> status(String key, Deadline deadline) {
    return calls.counted("status", delegate.status(key, deadline));
  }

  @Override
  public Future<Void> start(String key, Formation formation, Deadline deadline) {
    return calls.counted("start", delegate.start(key, formation, deadline));
  }

  @Override
  public Future<Void> stop(String key) {
    return calls.counted("stop", delegate.stop(key));
  }

  /** The wrapped provider's answer; a provider without a budget always has calls to spare. */
  @Override
  public boolean hasCallsToSpare() {
    return CallBudget.spareOf(delegate);
  }

  @Override
  public Duration operationTimeout() {
    return delegate.operationTimeout();
  }

  @Override
  public Future<Void> close() {
    return delegate.close();
  }
}
