package dev.paastis.lifecycle;

import dev.paastis.registry.ManagedApp;
import dev.paastis.registry.Registry;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Counts the failed operations of a registry; results pass through unchanged. */
public final class MeteredRegistry implements Registry {

  private final Registry delegate;
  private final Metrics metrics;

  public MeteredRegistry(Registry delegate, Metrics metrics) {
    this.delegate = delegate;
    this.metrics = metrics;
  }

  @Override
  public Future<Optional<ManagedApp>> get(String key) {
    return counted("get", delegate.get(key));
  }

  @Override
  public Future<List<ManagedApp>> all() {
    return counted("all", delegate.all());
  }

  @Override
  public Future<Void> put(ManagedApp app) {
    return counted("put", delegate.put(app));
  }

  @Override
  public Future<Void> touch(String key, Instant at) {
    return counted("touch", delegate.touch(key, at));
  }

  @Override
  public Future<Boolean> remove(String key) {
    return counted("remove", delegate.remove(key));
  }

  @Override
  public Future<Void> close() {
    return delegate.close();
  }

  private <T> Future<T> counted(String operation, Future<T> call) {
    return call.onFailure(failure -> metrics.registryFailed(operation));
  }
}
