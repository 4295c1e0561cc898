package dev.paastis.internal.lifecycle;

import dev.paastis.app.AppSettings;
import dev.paastis.app.ProviderApp;
import dev.paastis.events.EventType;
import dev.paastis.registry.ManagedApp;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Pins: an operator keeps an app awake until a given time (a demo, a migration), whatever its idle
 * time and its {@code keep_asleep} windows. The pin lives in the registry, so instances sharing
 * Redis all honour it and it survives restarts; the scheduler reads it with the idle deadlines.
 */
public final class Pins {

  /** The longest pin accepted: longer is a setting, not a pin. */
  public static final Duration LONGEST = Duration.ofDays(366);

  private final LifecycleContext context;
  private final Waker waker;

  Pins(LifecycleContext context, Waker waker) {
    this.context = context;
    this.waker = waker;
  }

  /**
   * Wakes the app (and its linked apps) when it does not run, tracks it, and pins it awake for
   * {@code duration} from now; completes with the end of the pin once the app runs.
   */
  public Future<Instant> pin(AppSettings settings, Duration duration) {
    if (duration.isNegative() || duration.isZero() || duration.compareTo(LONGEST) > 0) {
      throw new IllegalArgumentException(
          "a pin lasts more than 0 and at most " + LONGEST.toDays() + " days, got " + duration);
    }
    return waker.start(settings).compose(app -> pinRunning(app, settings.maxIdleTime(), duration));
  }

  private Future<Instant> pinRunning(ProviderApp app, Duration maxIdleTime, Duration duration) {
    Instant now = context.clock().instant();
    Instant until = now.plus(duration);
    return context
        .tracker()
        // an app that ran before Paastis tracked it (not discovered yet) is tracked from now
        .registerIfAbsent(app, maxIdleTime, now)
        .compose(registered -> context.tracker().pin(app.key(), Optional.of(until)))
        .map(
            tracked -> {
              context
                  .events()
                  .record(
                      EventType.APP_PINNED,
                      app.key(),
                      app.provider(),
                      Map.of("until", until.toString()));
              return until;
            });
  }

  /** Ends the app's pin; completes with true when it was pinned (then APP_UNPINNED is recorded). */
  public Future<Boolean> unpin(String key) {
    Instant now = context.clock().instant();
    return context
        .registry()
        .get(key)
        .compose(
            entry -> {
              Optional<ManagedApp> pinned = entry.filter(app -> app.isPinnedAt(now));
              if (entry.isEmpty() || entry.get().pinnedUntil().isEmpty()) {
                return Future.succeededFuture(false);
              }
              return context
                  .tracker()
                  .pin(key, Optional.empty())
                  .map(
                      done -> {
                        pinned.ifPresent(
                            app ->
                                context
                                    .events()
                                    .record(EventType.APP_UNPINNED, key, app.provider()));
                        return pinned.isPresent();
                      });
            });
  }
}
