package dev.paastis.provider.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a provider last read of each app, and when, so that it can spare API calls: a reading is
 * reused as is within the fresh window (readiness polls fast, rate limits are low), and read again
 * once the reconcile interval has passed (a listing need not read every app's state at every tick).
 *
 * <p>Each reading keeps two times: the injected clock's, for reconcile deadlines and ages in
 * minutes (tests move that clock), and the monotonic one, for the fresh window of about a second (a
 * clock that does not move, or jumps back, must not keep a reading fresh forever). Safe to use from
 * any thread.
 *
 * @param <T> what is read of an app
 */
public final class Readings<T> {

  private record Reading<T>(T value, Instant readAt, long readNanos) {}

  private final Map<String, Reading<T>> byKey = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Duration fresh;
  private final Duration reconcileInterval;

  /**
   * @param clock the clock of reconcile deadlines, the one Paastis was given
   * @param fresh how long a reading is reused as is, {@link Duration#ZERO} for never
   * @param reconcileInterval how long a reading stands before it is due again (RECONCILE_INTERVAL)
   */
  public Readings(Clock clock, Duration fresh, Duration reconcileInterval) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.fresh = Objects.requireNonNull(fresh, "fresh");
    this.reconcileInterval = Objects.requireNonNull(reconcileInterval, "reconcileInterval");
  }

  /** Records a reading taken now, and returns it. */
  public T put(String key, T value) {
    byKey.put(key, new Reading<>(value, clock.instant(), System.nanoTime()));
    return value;
  }

  /** The last reading of the app, however old. */
  public Optional<T> last(String key) {
    return Optional.ofNullable(byKey.get(key)).map(Reading::value);
  }

  public boolean contains(String key) {
    return byKey.containsKey(key);
  }

  /** The reading when it was taken within the fresh window (monotonic time). */
  public Optional<T> fresh(String key) {
    Reading<T> reading = byKey.get(key);
    if (reading == null || System.nanoTime() - reading.readNanos() >= fresh.toNanos()) {
      return Optional.empty();
    }
    return Optional.of(reading.value());
  }

  /** The reading when it was taken less than {@code age} ago on the clock. */
  public Optional<T> within(String key, Duration age) {
    Reading<T> reading = byKey.get(key);
    if (reading == null || !reading.readAt().isAfter(clock.instant().minus(age))) {
      return Optional.empty();
    }
    return Optional.of(reading.value());
  }

  /** The reading when its reconcile is not due yet. */
  public Optional<T> unreconciled(String key) {
    return within(key, reconcileInterval);
  }

  /** The apps whose reconcile is due, oldest reading first, at most {@code limit} of them. */
  public List<String> overdue(int limit) {
    Instant due = clock.instant().minus(reconcileInterval);
    return byKey.entrySet().stream()
        .filter(entry -> entry.getValue().readAt().isBefore(due))
        .sorted(Comparator.comparing(entry -> entry.getValue().readAt()))
        .limit(limit)
        .map(Map.Entry::getKey)
        .toList();
  }

  /** Forgets the app's reading: its state is changing, the next question must ask. */
  public void remove(String key) {
    byKey.remove(key);
  }

  /** Forgets the apps that are no longer listed. */
  public void retain(Set<String> keys) {
    byKey.keySet().retainAll(keys);
  }
}
