package dev.paastis.internal.registry.redis;

import dev.paastis.policy.ActivityHistory;
import java.util.Base64;

/**
 * An app's {@link ActivityHistory} as Redis holds it: a bitmap that the scripts edit with {@code
 * SETBIT} (bit {@code epoch hour mod 672}), next to the record, whose {@code activityHour} is the
 * newest hour recorded. Redis numbers the bits of a byte from its high bit, the history's own
 * encoding from its low bit: each byte is read and written bit-reversed.
 */
final class StoredActivity {

  /** The bitmap's length once its last hour is set; Redis keeps it shorter until then. */
  static final int BYTES = ActivityHistory.HOURS / 8;

  private StoredActivity() {}

  /** The bitmap of {@code history}, empty for a history with no hour used. */
  static byte[] bitmap(ActivityHistory history) {
    if (history.hoursUsed() == 0) {
      return new byte[0];
    }
    String encoded = history.encode();
    byte[] ring = Base64.getDecoder().decode(encoded.substring(encoded.indexOf(':') + 1));
    return reversed(ring);
  }

  /**
   * The history whose newest hour is {@code newestHour} (empty when the record has none) and whose
   * hours are the bits of {@code bitmap} (none when null; a short bitmap ends with unused hours).
   */
  static ActivityHistory read(Long newestHour, byte[] bitmap) {
    if (newestHour == null) {
      return ActivityHistory.empty();
    }
    byte[] ring = new byte[BYTES];
    if (bitmap != null) {
      System.arraycopy(reversed(bitmap), 0, ring, 0, Math.min(bitmap.length, BYTES));
    }
    return ActivityHistory.decode(newestHour + ":" + Base64.getEncoder().encodeToString(ring));
  }

  private static byte[] reversed(byte[] bytes) {
    byte[] reversed = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      reversed[i] = (byte) (Integer.reverse(bytes[i] & 0xFF) >>> 24);
    }
    return reversed;
  }
}
