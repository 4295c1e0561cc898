package dev.paastis.provider.render;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The resumes Paastis asked for whose deploy has not shown yet. Render answers a resume with 202
 * and creates the deploy afterwards: until then the newest deploy is the one from before the
 * suspension, whose status ({@code live}, or a failure of long ago) says nothing of the resume.
 * Such a deploy is recognised by its id, read just before the resume. A mark is dropped once a
 * newer deploy shows, after the operation timeout, and when the service is stopped. Thread-safe.
 */
final class PendingResumes {

  private record Pending(String deployBefore, Instant askedAt) {}

  private final Map<String, Pending> byKey = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Duration patience;

  PendingResumes(Clock clock, Duration patience) {
    this.clock = clock;
    this.patience = patience;
  }

  /** A resume was asked while {@code newestBefore} was the newest deploy (empty: none). */
  void asked(String key, Optional<String> newestBefore) {
    byKey.put(key, new Pending(newestBefore.orElse(""), clock.instant()));
  }

  /** Whether {@code newestNow} is still the deploy from before the resume asked for the service. */
  boolean awaitsDeploy(String key, Optional<String> newestNow) {
    Pending pending = byKey.get(key);
    if (pending == null) {
      return false;
    }
    boolean expired = !clock.instant().isBefore(pending.askedAt().plus(patience));
    if (expired || !pending.deployBefore().equals(newestNow.orElse(""))) {
      byKey.remove(key, pending);
      return false;
    }
    return true;
  }

  void forget(String key) {
    byKey.remove(key);
  }
}
