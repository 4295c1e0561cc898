package dev.paastis.policy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The windows of one kind (keep awake, or keep asleep) of one rule, and the zone whose wall clock
 * their cron fields are read on: {@code 30 7 * * 1-5} in Europe/Paris is 07:30 in Paris, in winter
 * and in summer time alike.
 */
public record Windows(List<Window> windows, ZoneId zone) {

  private static final Windows NONE = new Windows(List.of(), ZoneOffset.UTC);

  public Windows {
    windows = List.copyOf(windows);
    Objects.requireNonNull(zone, "zone");
  }

  /** No window at all: never open. */
  public static Windows none() {
    return NONE;
  }

  public boolean isEmpty() {
    return windows.isEmpty();
  }

  /**
   * The window open at {@code now}, if any. When several are open at once, they count as one: it
   * opened when the most recent of them did (a new opening, to act on once more), and it ends when
   * the last of them closes, so {@code closesAt} is the latest of their closings (empty when one of
   * them never closes). A window that opens later, before that end, is not foreseen.
   */
  public Optional<OpenWindow> openAt(Instant now) {
    ZonedDateTime local = now.atZone(zone);
    Instant openedAt = null;
    Instant closesAt = null;
    boolean closes = true;
    for (Window window : windows) {
      Optional<ZonedDateTime> since = window.openSince(local);
      if (since.isEmpty()) {
        continue;
      }
      Instant opened = since.get().toInstant();
      if (openedAt == null || opened.isAfter(openedAt)) {
        openedAt = opened;
      }
      Optional<ZonedDateTime> closing = window.nextClosingAfter(local);
      if (closing.isEmpty()) {
        closes = false;
      } else if (closesAt == null || closing.get().toInstant().isAfter(closesAt)) {
        closesAt = closing.get().toInstant();
      }
    }
    if (openedAt == null) {
      return Optional.empty();
    }
    return Optional.of(new OpenWindow(openedAt, closes ? Optional.of(closesAt) : Optional.empty()));
  }

  /** When a window that is closed at {@code now} opens next (the earliest of them); else empty. */
  public Optional<Instant> nextOpening(Instant now) {
    ZonedDateTime local = now.atZone(zone);
    return windows.stream()
        .filter(window -> window.openSince(local).isEmpty())
        .map(window -> window.nextOpeningAfter(local))
        .flatMap(Optional::stream)
        .map(ZonedDateTime::toInstant)
        .min(Instant::compareTo);
  }
}
