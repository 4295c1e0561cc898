package dev.paastis.internal.lifecycle;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The idle stops an app postponed by answering its busy probe "busy": until when each stays awake.
 * Held by the instance whose scheduler decides (the leader, when instances share Redis); a veto is
 * short (BUSY_RETRY, minutes), so a new leader simply asks the app again.
 */
public final class StopVetoes {

  private final Map<String, Instant> until = new ConcurrentHashMap<>();

  /** The app said it is busy: no idle stop before {@code end}. */
  public void veto(String key, Instant end) {
    until.put(key, end);
  }

  /** Until when a veto keeps the app awake at {@code now}; empty when none does. */
  public Optional<Instant> at(String key, Instant now) {
    Instant end = until.get(key);
    if (end == null) {
      return Optional.empty();
    }
    if (!now.isBefore(end)) {
      until.remove(key, end);
      return Optional.empty();
    }
    return Optional.of(end);
  }

  /** The app stopped, or is no longer tracked: its veto, if any, is moot. */
  public void clear(String key) {
    until.remove(key);
  }
}
