package dev.paastis.registry;

import dev.paastis.app.Formation;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An app Paastis tracks ("monitors", in the original's words).
 *
 * @param key the provider app key
 * @param provider the provider that owns it
 * @param region its region, empty when the provider has none
 * @param maxIdleTime how long it may stay idle before it is stopped
 * @param registeredAt when Paastis started tracking it
 * @param lastAccessedAt the last request to it, or its registration
 * @param savedFormation the formation it had when Paastis stopped it, restored at the next start
 * @param stoppedAt when Paastis stopped it; empty while it runs
 * @param pinnedUntil kept awake until then whatever its idle time or schedule (a pin); empty when
 *     not pinned
 */
public record ManagedApp(
    String key,
    String provider,
    Optional<String> region,
    Duration maxIdleTime,
    Instant registeredAt,
    Instant lastAccessedAt,
    Optional<Formation> savedFormation,
    Optional<Instant> stoppedAt,
    Optional<Instant> pinnedUntil) {

  /** Schema version of the stored record, so that an upgrade can read older ones. */
  public static final int SCHEMA_VERSION = 1;

  public ManagedApp {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(maxIdleTime, "maxIdleTime");
    Objects.requireNonNull(registeredAt, "registeredAt");
    Objects.requireNonNull(lastAccessedAt, "lastAccessedAt");
    Objects.requireNonNull(savedFormation, "savedFormation");
    Objects.requireNonNull(stoppedAt, "stoppedAt");
    Objects.requireNonNull(pinnedUntil, "pinnedUntil");
  }

  public static ManagedApp registered(
      String key, String provider, Optional<String> region, Duration maxIdleTime, Instant now) {
    return new ManagedApp(
        key,
        provider,
        region,
        maxIdleTime,
        now,
        now,
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /** When the app becomes idle enough to be stopped. */
  public Instant idleDeadline() {
    return lastAccessedAt.plus(maxIdleTime);
  }

  public boolean isSleeping() {
    return stoppedAt.isPresent();
  }

  public ManagedApp accessedAt(Instant at) {
    Instant latest = at.isAfter(lastAccessedAt) ? at : lastAccessedAt;
    return with(maxIdleTime, latest, savedFormation, stoppedAt, pinnedUntil);
  }

  public ManagedApp withMaxIdleTime(Duration value) {
    return with(value, lastAccessedAt, savedFormation, stoppedAt, pinnedUntil);
  }

  /** Stopped by Paastis, remembering the formation to restore. */
  public ManagedApp stopped(Formation formation, Instant at) {
    Optional<Formation> saved =
        formation.total() > 0 ? Optional.of(formation) : this.savedFormation;
    return with(maxIdleTime, lastAccessedAt, saved, Optional.of(at), pinnedUntil);
  }

  /** Running again (woken by a request or started from outside): idle time counts from now. */
  public ManagedApp awake(Instant at) {
    return with(maxIdleTime, at, savedFormation, Optional.empty(), pinnedUntil);
  }

  /** Pinned until {@code until}, or no longer pinned when empty. */
  public ManagedApp pinned(Optional<Instant> until) {
    return with(maxIdleTime, lastAccessedAt, savedFormation, stoppedAt, until);
  }

  /** The same app (key, provider, region, registration) with these changeable fields. */
  private ManagedApp with(
      Duration maxIdleTime,
      Instant lastAccessedAt,
      Optional<Formation> savedFormation,
      Optional<Instant> stoppedAt,
      Optional<Instant> pinnedUntil) {
    return new ManagedApp(
        key,
        provider,
        region,
        maxIdleTime,
        registeredAt,
        lastAccessedAt,
        savedFormation,
        stoppedAt,
        pinnedUntil);
  }

  /** Whether a pin keeps it awake at {@code now}. */
  public boolean isPinnedAt(Instant now) {
    return pinnedUntil.map(now::isBefore).orElse(false);
  }
}
