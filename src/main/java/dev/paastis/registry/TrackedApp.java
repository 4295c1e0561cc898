package dev.paastis.registry;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the scheduler needs to know of a tracked app to decide on it, without its whole record: its
 * provider, and when it becomes idle enough to be stopped (empty while Paastis keeps it asleep).
 */
public record TrackedApp(String key, String provider, Optional<Instant> idleDeadline) {

  public TrackedApp {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(idleDeadline, "idleDeadline");
  }

  static TrackedApp of(ManagedApp app) {
    return new TrackedApp(
        app.key(),
        app.provider(),
        app.isSleeping() ? Optional.empty() : Optional.of(app.idleDeadline()));
  }

  public boolean isSleeping() {
    return idleDeadline.isEmpty();
  }

  /** Awake and past its idle deadline. */
  public boolean isIdleAt(Instant now) {
    return idleDeadline.map(now::isAfter).orElse(false);
  }
}
