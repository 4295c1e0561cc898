package dev.paastis.internal.metrics;

import dev.paastis.internal.lifecycle.Metrics;
import dev.paastis.registry.ManagedApp;
import dev.paastis.registry.Registry;
import dev.paastis.registry.TrackedApp;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Counts the failed operations of a registry; results pass through unchanged. */
public final class MeteredRegistry implements Registry {

  private final Registry delegate;
  private final CallOutcomes calls;

  public MeteredRegistry(Registry delegate, Metrics metrics) {
    this.delegate = delegate;
    this.calls = CallOutcomes.failures(metrics::registryFailed);
  }

  @Override
  public Future<Optional<ManagedApp>> get(String key) {
    return calls.counted("get", delegate.get(key));
  }

  @Override
  public Future<List<ManagedApp>> all() {
    return calls.counted("all", delegate.all());
  }

  @Override
  public Future<List<TrackedApp>> index() {
    return calls.counted("index", delegate.index());
  }

  @Override
  public Future<Void> ping() {
    return calls.counted("ping", delegate.ping());
  }

  @Override
  public Future<Void> put(ManagedApp app) {
    return calls.counted("put", delegate.put(app));
  }

  @Override
  public Future<Void> touch(String key, Instant at) {
    return calls.counted("touch", delegate.touch(key, at));
  }

  @Override
  public Future<Boolean> remove(String key) {
    return calls.counted("remove", delegate.remove(key));
  }

  @Override
  public Future<Void> close() {
    return delegate.close();
  }
}
