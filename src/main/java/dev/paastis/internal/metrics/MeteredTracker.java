package dev.paastis.internal.metrics;

import dev.paastis.app.Formation;
import dev.paastis.app.ProviderApp;
import dev.paastis.internal.lifecycle.Metrics;
import dev.paastis.internal.registry.AppTracker;
import dev.paastis.policy.ActivityHistory;
import dev.paastis.registry.ManagedApp;
import dev.paastis.registry.TrackedApp;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Counts the failed writes of a tracker as registry errors (a shared registry's writes do not go
 * through the {@link MeteredRegistry}); results pass through unchanged.
 */
public final class MeteredTracker implements AppTracker {

  private final AppTracker delegate;
  private final CallOutcomes calls;

  public MeteredTracker(AppTracker delegate, Metrics metrics) {
    this.delegate = delegate;
    this.calls = CallOutcomes.failures(metrics::registryFailed);
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
  public Future<Map<String, ActivityHistory>> activity(Collection<String> keys) {
    return calls.counted("activity", delegate.activity(keys));
  }

  @Override
  public Future<Boolean> registerIfAbsent(ProviderApp app, Duration maxIdleTime, Instant now) {
    return calls.counted("register", delegate.registerIfAbsent(app, maxIdleTime, now));
  }

  @Override
  public Future<Boolean> markAwake(ProviderApp app, Duration maxIdleTime, Instant now) {
    return calls.counted("mark_awake", delegate.markAwake(app, maxIdleTime, now));
  }

  @Override
  public Future<Void> touch(String key, Instant at) {
    return calls.counted("touch", delegate.touch(key, at));
  }

  @Override
  public Future<Void> saveFormation(String key, Formation formation, Instant at) {
    return calls.counted("save_formation", delegate.saveFormation(key, formation, at));
  }

  @Override
  public Future<Boolean> pin(String key, Optional<Instant> until) {
    return calls.counted("pin", delegate.pin(key, until));
  }

  @Override
  public Future<Boolean> forget(String key) {
    return calls.counted("forget", delegate.forget(key));
  }

  @Override
  public Future<Claim> claimWake(String key) {
    return calls.counted("claim_wake", delegate.claimWake(key));
  }

  @Override
  public Future<Claim> claimStop(String key) {
    return calls.counted("claim_stop", delegate.claimStop(key));
  }
}
