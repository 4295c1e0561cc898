package dev.paastis.registry;

import dev.paastis.app.Formation;
import dev.paastis.policy.ActivityHistory;
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
 * @param activity the hours of the last 28 days in which a request reached it, which pre-warming
 *     reads; empty for a new record
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
    Optional<Instant> pinnedUntil,
    ActivityHistory activity) {

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
    Objects.requireNonNull(activity, "activity");
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
        Optional.empty(),
        ActivityHistory.empty());
  }

  /** When the app becomes idle enough to be stopped. */
  public Instant idleDeadline() {
    return lastAccessedAt.plus(maxIdleTime);
  }

  public boolean isSleeping() {
    return stoppedAt.isPresent();
  }

  /**
   * A request reached it at {@code at}: the last access moves forward (never backwards), and the
   * hour of {@code at} is recorded in its activity, late or not.
   */
  public ManagedApp accessedAt(Instant at) {
    Instant latest = at.isAfter(lastAccessedAt) ? at : lastAccessedAt;
    ActivityHistory recorded = activity.recordedAt(at);
    if (latest.equals(lastAccessedAt) && recorded == activity) {
      return this;
    }
    return with(maxIdleTime, latest, savedFormation, stoppedAt, pinnedUntil, recorded);
  }

  public ManagedApp withMaxIdleTime(Duration value) {
    return with(value, lastAccessedAt, savedFormation, stoppedAt, pinnedUntil, activity);
  }

  /** Stopped by Paastis, remembering the formation to restore. */
  public ManagedApp stopped(Formation formation, Instant at) {
    Optional<Formation> saved =
        formation.total() > 0 ? Optional.of(formation) : this.savedFormation;
    return with(maxIdleTime, lastAccessedAt, saved, Optional.of(at), pinnedUntil, activity);
  }

  /**
   * Running again (woken by a request, started from outside or ahead of its usual hours): idle time
   * counts from now. Not recorded in its activity: a wake is not a use by itself (the request that
   * asked for it is, through its {@link #accessedAt}), and a pre-warm's wake counted as one would
   * make the hour before a usual hour usual in turn, week after week.
   */
  public ManagedApp awake(Instant at) {
    return with(maxIdleTime, at, savedFormation, Optional.empty(), pinnedUntil, activity);
  }

  /** Pinned until {@code until}, or no longer pinned when empty. */
  public ManagedApp pinned(Optional<Instant> until) {
    return with(maxIdleTime, lastAccessedAt, savedFormation, stoppedAt, until, activity);
  }

  /** The same app (key, provider, region, registration) with these changeable fields. */
  private ManagedApp with(
      Duration maxIdleTime,
      Instant lastAccessedAt,
      Optional<Formation> savedFormation,
      Optional<Instant> stoppedAt,
      Optional<Instant> pinnedUntil,
      ActivityHistory activity) {
    return new ManagedApp(
        key,
        provider,
        region,
        maxIdleTime,
        registeredAt,
        lastAccessedAt,
        savedFormation,
        stoppedAt,
        pinnedUntil,
        activity);
  }

  /** Whether a pin keeps it awake at {@code now}. */
  public boolean isPinnedAt(Instant now) {
    return pinnedUntil.map(now::isBefore).orElse(false);
  }
}
