package dev.paastis.policy;

import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * When an app was used: for each of the last {@value #HOURS} UTC hours (28 days), whether it
 * received a request in that hour. An immutable value; recording returns a new one.
 *
 * <p>Hours are epoch hours (hours since 1970-01-01T00:00Z). The kept window is the {@value #HOURS}
 * hours that end with the newest one recorded; hour {@code h} is bit {@code h mod 672} of a ring,
 * so moving forward reuses the bits of the hours that leave the window, cleared first.
 *
 * <p>{@link #encode()} writes it as one short string for the registry, {@code <newest hour>:<base64
 * of the 84 bytes of the ring>}.
 */
public final class ActivityHistory {

  /** 28 days of hours: four of each weekday-hour. */
  public static final int HOURS = 28 * 24;

  private static final int BYTES = HOURS / 8;
  private static final int WORDS = (HOURS + Long.SIZE - 1) / Long.SIZE;
  private static final ActivityHistory EMPTY = new ActivityHistory(0, new long[WORDS]);

  private final long newestHour;
  private final long[] ring;

  private ActivityHistory(long newestHour, long[] ring) {
    this.newestHour = newestHour;
    this.ring = ring;
  }

  /** No hour used. */
  public static ActivityHistory empty() {
    return EMPTY;
  }

  /** The epoch hour {@code at} falls in. */
  static long epochHour(Instant at) {
    return Math.floorDiv(at.getEpochSecond(), 3600);
  }

  /** The instant epoch hour {@code hour} starts at. */
  static Instant startOf(long hour) {
    return Instant.ofEpochSecond(hour * 3600);
  }

  /**
   * This history with the hour of {@code at} used. An instant {@value #HOURS} hours or more older
   * than the newest hour (or before 1970) is left out; a newer hour moves the window forward, and
   * the hours it skips are unused.
   */
  public ActivityHistory recordedAt(Instant at) {
    long hour = epochHour(at);
    if (hour < 0 || hour <= newestHour - HOURS || (hour <= newestHour && usedIn(hour))) {
      return this;
    }
    long[] moved = ring.clone();
    if (hour > newestHour) {
      if (hour - newestHour >= HOURS) {
        Arrays.fill(moved, 0);
      } else {
        for (long skipped = newestHour + 1; skipped < hour; skipped++) {
          moved[word(skipped)] &= ~mask(skipped);
        }
      }
    }
    moved[word(hour)] |= mask(hour);
    return new ActivityHistory(Math.max(hour, newestHour), moved);
  }

  /** Whether the app was used in epoch hour {@code hour}; false outside the kept window. */
  public boolean usedIn(long hour) {
    if (hour < 0 || hour > newestHour || hour <= newestHour - HOURS) {
      return false;
    }
    return (ring[word(hour)] & mask(hour)) != 0;
  }

  /** The newest epoch hour recorded, the end of the kept window; 0 when none was. */
  public long newestHour() {
    return newestHour;
  }

  /** How many hours of the kept window the app was used in. */
  public int hoursUsed() {
    int used = 0;
    for (long word : ring) {
      used += Long.bitCount(word);
    }
    return used;
  }

  /** {@code <newest hour>:<base64 of the 84 bytes of the ring>}, which {@link #decode} reads. */
  public String encode() {
    byte[] bytes = new byte[BYTES];
    for (int i = 0; i < BYTES; i++) {
      bytes[i] = (byte) (ring[i / 8] >>> (8 * (i % 8)));
    }
    return newestHour + ":" + Base64.getEncoder().encodeToString(bytes);
  }

  /**
   * Reads what {@link #encode()} wrote.
   *
   * @throws IllegalArgumentException naming what is wrong with {@code encoded}
   */
  public static ActivityHistory decode(String encoded) {
    Objects.requireNonNull(encoded, "encoded");
    int colon = encoded.indexOf(':');
    if (colon < 0) {
      throw invalid(encoded, "it has no ':'");
    }
    long newestHour;
    try {
      newestHour = Long.parseLong(encoded.substring(0, colon));
    } catch (NumberFormatException notANumber) {
      throw invalid(encoded, "its newest hour is not a whole number");
    }
    if (newestHour < 0) {
      throw invalid(encoded, "its newest hour is negative");
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(encoded.substring(colon + 1));
    } catch (IllegalArgumentException notBase64) {
      throw invalid(encoded, "its hours are not base64 (" + notBase64.getMessage() + ")");
    }
    if (bytes.length != BYTES) {
      throw invalid(encoded, "its hours are " + bytes.length + " bytes, not " + BYTES);
    }
    long[] ring = new long[WORDS];
    for (int i = 0; i < BYTES; i++) {
      ring[i / 8] |= (bytes[i] & 0xFFL) << (8 * (i % 8));
    }
    return new ActivityHistory(newestHour, ring);
  }

  private static IllegalArgumentException invalid(String encoded, String why) {
    String shown = encoded.length() <= 40 ? encoded : encoded.substring(0, 40) + "…";
    return new IllegalArgumentException(
        "an activity history is '<newest epoch hour>:<base64 of "
            + BYTES
            + " bytes>', but in '"
            + shown
            + "' "
            + why);
  }

  private static int word(long hour) {
    return (int) (hour % HOURS) / Long.SIZE;
  }

  private static long mask(long hour) {
    return 1L << ((hour % HOURS) % Long.SIZE);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ActivityHistory that
        && newestHour == that.newestHour
        && Arrays.equals(ring, that.ring);
  }

  @Override
  public int hashCode() {
    return 31 * Long.hashCode(newestHour) + Arrays.hashCode(ring);
  }

  @Override
  public String toString() {
    return "ActivityHistory[newestHour=" + newestHour + ", hoursUsed=" + hoursUsed() + "]";
  }
}
