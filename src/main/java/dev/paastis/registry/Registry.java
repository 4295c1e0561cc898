package dev.paastis.registry;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The tracked apps. Implementations may be shared by several Paastis instances (Redis), so every
 * operation is asynchronous; futures may complete on any thread.
 */
public interface Registry {

  Future<Optional<ManagedApp>> get(String key);

  Future<List<ManagedApp>> all();

  /**
   * Every tracked app's provider and idle deadline, without the rest of its record: what a
   * scheduler tick reads, in one step whatever the number of apps on a shared store.
   */
  default Future<List<TrackedApp>> index() {
    return all().map(apps -> apps.stream().map(TrackedApp::of).toList());
  }

  /** Succeeds when the registry answers: what {@code /health/ready} asks, cheaply. */
  default Future<Void> ping() {
    return index().mapEmpty();
  }

  /** Creates or replaces the record of {@code app.key()}. */
  Future<Void> put(ManagedApp app);

  /** Moves the last access forward to {@code at} (never backwards); no-op for unknown apps. */
  Future<Void> touch(String key, Instant at);

  /** Stops tracking the app; true when it was tracked. */
  Future<Boolean> remove(String key);

  /** Releases connections. Idempotent. */
  default Future<Void> close() {
    return Future.succeededFuture();
  }
}
