package dev.paastis.provider.render;

import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The resumes Paastis asked for, and the deploy that was newest when it did. Render answers a
 * resume with 202 and creates its deploy afterwards; the deploys from before the suspension say
 * nothing of the resume (one may still read {@code live}, or failed long ago), so only newer ones
 * count. A mark lasts until the service is stopped, or, when no newer deploy has shown by then,
 * until the operation timeout (should a resume ever come without a deploy). Thread-safe.
 */
final class PendingResumes {

  private record Mark(String deployBefore, Instant askedAt) {}

  private final Map<String, Mark> byKey = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Duration patience;

  PendingResumes(Clock clock, Duration patience) {
    this.clock = clock;
    this.patience = patience;
  }

  /** A resume was asked while {@code newestBefore} was the newest deploy (empty: none). */
  void asked(String key, Optional<String> newestBefore) {
    byKey.put(key, new Mark(newestBefore.orElse(""), clock.instant()));
  }

  boolean isMarked(String key) {
    return byKey.containsKey(key);
  }

  /**
   * The deploys (newest first) that tell of the service now: those newer than the deploy that was
   * newest at the resume Paastis asked for, every one when there was none. Empty while the resume's
   * deploy has not shown.
   */
  List<JsonObject> since(String key, List<JsonObject> deploys) {
    Mark mark = byKey.get(key);
    if (mark == null) {
      return deploys;
    }
    int before = 0;
    while (before < deploys.size()
        && !mark.deployBefore().equals(deploys.get(before).getString("id"))) {
      before++;
    }
    if (before == 0 && !clock.instant().isBefore(mark.askedAt().plus(patience))) {
      byKey.remove(key, mark);
      return deploys;
    }
    return deploys.subList(0, before);
  }

  void forget(String key) {
    byKey.remove(key);
  }
}
