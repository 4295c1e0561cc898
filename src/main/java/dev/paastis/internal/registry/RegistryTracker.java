package dev.paastis.internal.registry;

import dev.paastis.app.Formation;
import dev.paastis.app.ProviderApp;
import dev.paastis.policy.ActivityHistory;
import dev.paastis.registry.ManagedApp;
import dev.paastis.registry.Registry;
import dev.paastis.registry.TrackedApp;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The tracker of one instance, on any {@link Registry}: each operation reads then writes, which is
 * atomic enough when one instance alone writes the registry; claims are always granted, the
 * single-flight of this instance being the only guard needed.
 */
public final class RegistryTracker implements AppTracker {

  private final Registry registry;

  public RegistryTracker(Registry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  @Override
  public Future<List<ManagedApp>> all() {
    return registry.all();
  }

  @Override
  public Future<List<TrackedApp>> index() {
    return registry.index();
  }

  @Override
  public Future<Map<String, ActivityHistory>> activity(Collection<String> keys) {
    List<Future<Optional<ManagedApp>>> reads = keys.stream().map(registry::get).toList();
    return Future.all(reads)
        .map(
            done -> {
              Map<String, ActivityHistory> byKey = new HashMap<>();
              reads.forEach(
                  read -> read.result().ifPresent(app -> byKey.put(app.key(), app.activity())));
              return byKey;
            });
  }

  @Override
  public Future<Boolean> registerIfAbsent(ProviderApp app, Duration maxIdleTime, Instant now) {
    return registry
        .get(app.key())
        .compose(
            entry ->
                entry.isPresent()
                    ? Future.succeededFuture(false)
                    : registry.put(registered(app, maxIdleTime, now)).map(true));
  }

  @Override
  public Future<Boolean> markAwake(ProviderApp app, Duration maxIdleTime, Instant now) {
    return registry
        .get(app.key())
        .compose(
            entry ->
                entry.isPresent()
                    ? registry.put(entry.get().awake(now)).map(false)
                    : registry.put(registered(app, maxIdleTime, now)).map(true));
  }

  @Override
  public Future<Void> touch(String key, Instant at) {
    return registry.touch(key, at);
  }

  @Override
  public Future<Void> saveFormation(String key, Formation formation, Instant at) {
    return registry
        .get(key)
        .compose(
            entry ->
                entry.isPresent()
                    ? registry.put(entry.get().stopped(formation, at))
                    : Future.succeededFuture());
  }

  @Override
  public Future<Boolean> pin(String key, Optional<Instant> until) {
    return registry
        .get(key)
        .compose(
            entry ->
                entry.isPresent()
                    ? registry.put(entry.get().pinned(until)).map(true)
                    : Future.succeededFuture(false));
  }

  @Override
  public Future<Boolean> forget(String key) {
    return registry.remove(key);
  }

  @Override
  public Future<Claim> claimWake(String key) {
    return Future.succeededFuture(Claim.GRANTED);
  }

  @Override
  public Future<Claim> claimStop(String key) {
    return Future.succeededFuture(Claim.GRANTED);
  }

  private static ManagedApp registered(ProviderApp app, Duration maxIdleTime, Instant now) {
    return ManagedApp.registered(app.key(), app.provider(), app.region(), maxIdleTime, now);
  }
}
