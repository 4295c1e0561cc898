package dev.paastis.internal.admin;

import dev.paastis.app.AppState;
import dev.paastis.app.SleepPolicy;
import dev.paastis.policy.OpenWindow;
import dev.paastis.registry.ManagedApp;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Why an app is awake or asleep now, and when that changes next: what {@code GET /api/apps} shows
 * as {@code why} and {@code changes_at}, so that an operator need not work out which of the idle
 * timer, a schedule window, a pin or a busy answer holds the app.
 *
 * @param why {@link #IDLE_TIMER}, {@link #PIN}, {@link #KEEP_AWAKE}, {@link #BUSY}, {@link
 *     #KEEP_ASLEEP}, {@link #ASLEEP}, {@link #WAKING}, {@link #UNTRACKED}, or empty when the state
 *     is not known (FAILED, UNKNOWN)
 * @param changesAt when that reason ends (the idle stop, the end of a pin or of a window, the next
 *     keep_awake opening of a sleeping app); empty when nothing is due (a sleeping app waits for a
 *     request)
 */
record AppStanding(Optional<String> why, Optional<Instant> changesAt) {

  /** Awake; stopped once idle for its max idle time ({@code changes_at}: the idle deadline). */
  static final String IDLE_TIMER = "idle_timer";

  /** Awake, pinned until {@code changes_at}. */
  static final String PIN = "pin";

  /** Awake, inside a keep_awake window that closes at {@code changes_at}. */
  static final String KEEP_AWAKE = "keep_awake";

  /** Awake: it answered its busy probe "busy", its idle stop waits until {@code changes_at}. */
  static final String BUSY = "busy";

  /** Asleep inside a keep_asleep window: requests do not wake it before {@code changes_at}. */
  static final String KEEP_ASLEEP = "keep_asleep";

  /**
   * Asleep: the next request wakes it; {@code changes_at} is its next keep_awake opening or
   * pre-warm, if any.
   */
  static final String ASLEEP = "asleep";

  /** Being started. */
  static final String WAKING = "waking";

  /** Running, not tracked yet: the next tick tracks it. */
  static final String UNTRACKED = "untracked";

  static final AppStanding UNKNOWN = new AppStanding(Optional.empty(), Optional.empty());

  /**
   * @param state the app's state as Paastis knows it
   * @param tracked its record, when Paastis tracks it
   * @param policy its sleep policy
   * @param vetoedUntil the end of a busy answer's veto, if one holds
   * @param prewarmAt when a pre-warm will start it next, if its rule asks for one
   */
  static AppStanding of(
      AppState state,
      Optional<ManagedApp> tracked,
      SleepPolicy policy,
      Optional<Instant> vetoedUntil,
      Optional<Instant> prewarmAt,
      Instant now) {
    Optional<OpenWindow> asleepWindow = policy.keepAsleep().openAt(now);
    return switch (state) {
      case RUNNING -> awake(tracked, policy, vetoedUntil, now);
      case STOPPED, STOPPING ->
          asleepWindow.isPresent()
              ? standing(KEEP_ASLEEP, asleepWindow.get().closesAt())
              : standing(ASLEEP, earliest(policy.keepAwake().nextOpening(now), prewarmAt));
      case STARTING -> standing(WAKING, Optional.empty());
      case FAILED, UNKNOWN -> UNKNOWN;
    };
  }

  private static AppStanding awake(
      Optional<ManagedApp> tracked,
      SleepPolicy policy,
      Optional<Instant> vetoedUntil,
      Instant now) {
    Optional<Instant> pinned =
        tracked.filter(app -> app.isPinnedAt(now)).flatMap(ManagedApp::pinnedUntil);
    if (pinned.isPresent()) {
      return standing(PIN, pinned);
    }
    // a keep_asleep window that opens first stops the app then, whatever holds it now
    Optional<Instant> asleepOpens = policy.keepAsleep().nextOpening(now);
    Optional<OpenWindow> awakeWindow = policy.keepAwake().openAt(now);
    if (awakeWindow.isPresent()) {
      return standing(KEEP_AWAKE, earliest(awakeWindow.get().closesAt(), asleepOpens));
    }
    if (vetoedUntil.isPresent()) {
      return standing(BUSY, earliest(vetoedUntil, asleepOpens));
    }
    if (tracked.isEmpty()) {
      return standing(UNTRACKED, Optional.empty());
    }
    return standing(IDLE_TIMER, earliest(Optional.of(tracked.get().idleDeadline()), asleepOpens));
  }

  private static AppStanding standing(String why, Optional<Instant> changesAt) {
    return new AppStanding(Optional.of(why), changesAt);
  }

  @SafeVarargs
  private static Optional<Instant> earliest(Optional<Instant>... instants) {
    return Stream.of(instants).flatMap(Optional::stream).min(Instant::compareTo);
  }
}
