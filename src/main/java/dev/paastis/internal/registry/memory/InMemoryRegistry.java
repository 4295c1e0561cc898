package dev.paastis.internal.registry.memory;

import dev.paastis.registry.ManagedApp;
import dev.paastis.registry.Registry;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The registry of one Paastis instance, lost at restart. Safe to use from any thread. */
public final class InMemoryRegistry implements Registry {

  private final Map<String, ManagedApp> apps = new ConcurrentHashMap<>();

  @Override
  public Future<Optional<ManagedApp>> get(String key) {
    return Future.succeededFuture(Optional.ofNullable(apps.get(key)));
  }

  @Override
  public Future<List<ManagedApp>> all() {
    return Future.succeededFuture(
        apps.values().stream().sorted(Comparator.comparing(ManagedApp::key)).toList());
  }

  @Override
  public Future<Void> put(ManagedApp app) {
    apps.put(app.key(), app);
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> touch(String key, Instant at) {
    apps.computeIfPresent(key, (k, app) -> app.accessedAt(at));
    return Future.succeededFuture();
  }

  @Override
  public Future<Boolean> remove(String key) {
    return Future.succeededFuture(apps.remove(key) != null);
  }
}
