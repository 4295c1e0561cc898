package dev.paastis.internal.lifecycle;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How long each app took to boot on its recent wakes (from the start request to its first own
 * answer), in memory: readiness probes often around the time the next boot should end, and seldom
 * before. The median of the last {@link #KEPT} boots, so that one slow boot (a cold build cache, a
 * busy host) does not move the expectation. Pre-warming reads them too: they are the app's recent
 * wake durations. Kept by the instance that woke the app, and lost at restart. Safe to use from any
 * thread.
 */
public final class BootTimes {

  /** How many recent boots of an app are kept. */
  static final int KEPT = 5;

  private final Map<String, Deque<Duration>> byApp = new ConcurrentHashMap<>();

  /** Records a boot of the app that ended with its answer. */
  public void record(String app, Duration boot) {
    Deque<Duration> recent = byApp.computeIfAbsent(app, key -> new ArrayDeque<>());
    synchronized (recent) {
      recent.addLast(boot);
      if (recent.size() > KEPT) {
        recent.removeFirst();
      }
    }
  }

  /** The app's recent boots, oldest first ({@value #KEPT} at most); empty before its first. */
  public List<Duration> recent(String app) {
    Deque<Duration> recent = byApp.get(app);
    if (recent == null) {
      return List.of();
    }
    synchronized (recent) {
      return List.copyOf(recent);
    }
  }

  /** The median of the app's recent boots; empty before its first recorded boot. */
  public Optional<Duration> expected(String app) {
    Deque<Duration> recent = byApp.get(app);
    if (recent == null) {
      return Optional.empty();
    }
    List<Duration> sorted;
    synchronized (recent) {
      sorted = new ArrayList<>(recent);
    }
    sorted.sort(null);
    int middle = sorted.size() / 2;
    if (sorted.size() % 2 == 1) {
      return Optional.of(sorted.get(middle));
    }
    return Optional.of(sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2));
  }
}
