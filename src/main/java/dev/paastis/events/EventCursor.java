package dev.paastis.events;

import java.time.Instant;

/**
 * Where a page of events ended, to ask for the next (older) one: the last event's time and its
 * position in its store (a row id, a sequence number). Opaque to clients: {@code
 * <epoch-microseconds>.<position>} (microseconds: PostgreSQL's precision, so that no event with the
 * same millisecond is skipped).
 */
public record EventCursor(Instant at, long position) {

  public String encode() {
    long micros =
        Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
    return micros + "." + position;
  }

  /** Fails with an {@link IllegalArgumentException} saying what a cursor looks like. */
  public static EventCursor parse(String value) {
    String[] parts = value.trim().split("\\.");
    try {
      if (parts.length == 2) {
        long micros = Long.parseLong(parts[0]);
        Instant at =
            Instant.ofEpochSecond(
                Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000);
        return new EventCursor(at, Long.parseLong(parts[1]));
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "cursor="
            + value
            + " is not a cursor: pass the next_cursor of the previous page as it was given");
  }
}
