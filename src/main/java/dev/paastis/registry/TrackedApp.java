package dev.paastis.registry;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the scheduler needs to know of a tracked app to decide on it, without its whole record: its
 * provider, when it becomes idle enough to be stopped (empty while Paastis keeps it asleep), and
 * until when a pin keeps it awake.
 */
public record TrackedApp(
    String key, String provider, Optional<Instant> idleDeadline, Optional<Instant> pinnedUntil) {

  public TrackedApp {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(idleDeadline, "idleDeadline");
    Objects.requireNonNull(pinnedUntil, "pinnedUntil");
  }

  /** Not pinned. */
  public TrackedApp(String key, String provider, Optional<Instant> idleDeadline) {
    this(key, provider, idleDeadline, Optional.empty());
  }

  static TrackedApp of(ManagedApp app) {
    return new TrackedApp(
        app.key(),
        app.provider(),
        app.isSleeping() ? Optional.empty() : Optional.of(app.idleDeadline()),
        app.pinnedUntil());
  }

  public boolean isSleeping() {
    return idleDeadline.isEmpty();
  }

  /** Whether a pin keeps it awake at {@code now}. */
  public boolean isPinnedAt(Instant now) {
    return pinnedUntil.map(now::isBefore).orElse(false);
  }

  /** Awake and past its idle deadline (a pin is not considered: see {@link #isPinnedAt}). */
  public boolean isIdleAt(Instant now) {
    return idleDeadline.map(now::isAfter).orElse(false);
  }
}
