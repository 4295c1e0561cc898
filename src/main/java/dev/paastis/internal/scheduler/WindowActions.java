package dev.paastis.internal.scheduler;

import dev.paastis.app.AppSettings;
import dev.paastis.app.ProviderApp;
import dev.paastis.internal.lifecycle.StopReason;
import dev.paastis.internal.lifecycle.Stopper;
import dev.paastis.internal.lifecycle.Waker;
import dev.paastis.policy.OpenWindow;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acts on the schedule windows of the rules, once per opening: a {@code keep_awake} window that
 * opens starts the app, a {@code keep_asleep} window that opens stops it. Once per opening, so that
 * an operator who stops an app during office hours, or starts one at night, is not overruled a
 * minute later (a pin is the way to override a window for good). An action that did not happen (a
 * stop refused while requests are in flight, a start that failed) is tried again at the next tick.
 *
 * <p>What was acted on is kept in memory, by the instance that leads: after a restart, or when
 * another instance takes the lead, a window still open is acted on once more.
 */
final class WindowActions {

  private static final Logger LOG = LoggerFactory.getLogger(WindowActions.class);

  private final Waker waker;
  private final Stopper stopper;

  /** App key and window kind → the opening last acted on. */
  private final Map<String, Instant> actedOn = new ConcurrentHashMap<>();

  WindowActions(Waker waker, Stopper stopper) {
    this.waker = waker;
    this.stopper = stopper;
  }

  /** Starts a sleeping app whose keep_awake window opened, unless done for this opening. */
  Future<Void> startOnce(ProviderApp app, AppSettings settings, OpenWindow window) {
    String mark = app.key() + " awake";
    if (window.openedAt().equals(actedOn.get(mark))) {
      return Future.succeededFuture();
    }
    LOG.info(
        "app {}: its keep_awake window opened at {}, starting it", app.key(), window.openedAt());
    return waker
        .start(settings)
        .onSuccess(started -> actedOn.put(mark, window.openedAt()))
        .onFailure(
            failure ->
                LOG.warn(
                    "app {} not started for its keep_awake window: {} (tried again at the next"
                        + " tick)",
                    app.key(),
                    failure.getMessage()))
        .<Void>mapEmpty()
        .otherwiseEmpty();
  }

  /** Stops a running app whose keep_asleep window opened, unless done for this opening. */
  Future<Void> stopOnce(ProviderApp app, OpenWindow window) {
    String mark = app.key() + " asleep";
    if (window.openedAt().equals(actedOn.get(mark))) {
      return Future.succeededFuture();
    }
    return stopper
        .stop(app.key(), StopReason.SCHEDULE)
        .onSuccess(
            stopped -> {
              if (stopped) {
                actedOn.put(mark, window.openedAt());
              } else {
                LOG.info(
                    "app {}: its keep_asleep window is open, stop tried again at the next tick"
                        + " (requests in flight or a wake under way)",
                    app.key());
              }
            })
        .<Void>mapEmpty()
        .otherwiseEmpty();
  }

  /** The app is no longer listed: forget what was done to it. */
  void forget(String key) {
    actedOn.remove(key + " awake");
    actedOn.remove(key + " asleep");
  }
}
