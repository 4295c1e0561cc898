package dev.paastis.policy;

import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A recurring window: it opens when {@code from} fires and closes when {@code to} fires next.
 *
 * <p>An instant is inside when the last {@code from} fire at or before it is later than the last
 * {@code to} fire at or before it. So a {@code from} that has never fired leaves it outside, a
 * {@code from} that fired while {@code to} never did leaves it inside, and a {@code to} firing at
 * the same second as {@code from} wins: the window is closed then. Nothing is remembered between
 * calls: the answer follows from the two schedules and the instant alone, so a restart or another
 * instance reaches the same one.
 *
 * <p>The cron fields are read on the wall clock of the zone of the instants given ({@link Windows}
 * gives them in its zone).
 */
public record Window(CronSchedule from, CronSchedule to) {

  /** Fires that coincide with a {@code to} fire open nothing; past this many, give up looking. */
  private static final int MAX_FIRES_SKIPPED = 100;

  public Window {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
  }

  /** The {@code from} fire that opened the window, when {@code now} is inside it; else empty. */
  public Optional<ZonedDateTime> openSince(ZonedDateTime now) {
    Optional<ZonedDateTime> opened = from.lastAtOrBefore(now);
    if (opened.isEmpty()) {
      return Optional.empty();
    }
    Optional<ZonedDateTime> closed = to.lastAtOrBefore(now);
    boolean closedSince = closed.isPresent() && !opened.get().isAfter(closed.get());
    return closedSince ? Optional.empty() : opened;
  }

  /**
   * The next {@code to} fire after {@code now}: when the window open now closes; empty if never.
   */
  public Optional<ZonedDateTime> nextClosingAfter(ZonedDateTime now) {
    return to.nextAfter(now);
  }

  /**
   * The first {@code from} fire after {@code now} that opens the window (one at the same second as
   * a {@code to} fire does not), empty when there is none.
   */
  public Optional<ZonedDateTime> nextOpeningAfter(ZonedDateTime now) {
    Optional<ZonedDateTime> fire = from.nextAfter(now);
    for (int skipped = 0; fire.isPresent() && skipped < MAX_FIRES_SKIPPED; skipped++) {
      if (openSince(fire.get()).isPresent()) {
        return fire;
      }
      fire = from.nextAfter(fire.get());
    }
    return Optional.empty();
  }
}
