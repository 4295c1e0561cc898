package dev.paastis.admin;

import dev.paastis.events.Event;
import dev.paastis.events.EventType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * How long an app slept in a window, from its events: asleep from each APP_STOPPED to the next
 * APP_STARTING (or to the end of the window). A stop older than the window is not seen, so time
 * asleep before the first event of the window is not counted.
 */
final class SleepTime {

  /** The event types that open or close a sleep. */
  static final Set<EventType> TYPES = Set.of(EventType.APP_STOPPED, EventType.APP_STARTING);

  private SleepTime() {}

  /**
   * @param newestFirst the app's events of {@link #TYPES}, newest first, as the event store gives
   *     them
   */
  static Duration within(List<Event> newestFirst, Instant from, Instant to) {
    Duration total = Duration.ZERO;
    Instant asleepSince = null;
    for (int i = newestFirst.size() - 1; i >= 0; i--) {
      Event event = newestFirst.get(i);
      Instant at = clamp(event.at(), from, to);
      if (event.type() == EventType.APP_STOPPED) {
        asleepSince = asleepSince == null ? at : asleepSince;
      } else if (event.type() == EventType.APP_STARTING && asleepSince != null) {
        total = total.plus(Duration.between(asleepSince, at));
        asleepSince = null;
      }
    }
    return asleepSince == null ? total : total.plus(Duration.between(asleepSince, to));
  }

  private static Instant clamp(Instant at, Instant from, Instant to) {
    return at.isBefore(from) ? from : at.isAfter(to) ? to : at;
  }
}
