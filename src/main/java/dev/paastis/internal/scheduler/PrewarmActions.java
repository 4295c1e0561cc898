package dev.paastis.internal.scheduler;

import dev.paastis.app.AppSettings;
import dev.paastis.app.ProviderApp;
import dev.paastis.config.Durations;
import dev.paastis.events.EventType;
import dev.paastis.internal.lifecycle.BootTimes;
import dev.paastis.internal.lifecycle.EventRecorder;
import dev.paastis.internal.registry.AppTracker;
import dev.paastis.policy.ActivityHistory;
import dev.paastis.policy.PrewarmPlan;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a sleeping app shortly before an hour it is usually used in, when its rule says {@code
 * prewarm: true}: the {@link PrewarmPlan} decides from the app's activity history, {@code
 * prewarm_lead} before the hour (by default twice the median of its recent wake durations, a minute
 * at least). Once per usual hour: an app an operator stops again after its pre-warm stays stopped
 * until its next usual hour; a start that failed is tried again at the next tick while the lead
 * lasts. A pre-warmed app nobody uses is stopped by its idle time as any other.
 *
 * <p>Histories are read only for the apps that may be due, those within their lead of the next
 * hour's start (the last minutes of each hour, with the default lead), in one read per call: most
 * ticks read nothing. The hours started for are kept in memory by the instance that leads: after a
 * restart, or when another instance takes the lead, an app stopped again within its lead may be
 * started once more.
 */
final class PrewarmActions {

  private static final Logger LOG = LoggerFactory.getLogger(PrewarmActions.class);

  /**
   * An app the tick may pre-warm: tracked, listed as stopped by its provider, its rule's {@code
   * prewarm} on, no keep_asleep window open.
   */
  record Sleeping(ProviderApp app, AppSettings settings) {

    Sleeping {
      Objects.requireNonNull(app, "app");
      Objects.requireNonNull(settings, "settings");
    }
  }

  private final AppTracker tracker;
  private final Function<AppSettings, Future<?>> start;
  private final BootTimes boots;
  private final EventRecorder events;

  /** The apps whose lead was said to be too long: once each. */
  private final Set<String> leadWarned = ConcurrentHashMap.newKeySet();

  /** App key → the usual epoch hour it was last started for. */
  private final Map<String, Long> startedFor = new ConcurrentHashMap<>();

  /**
   * @param tracker where the activity histories are read
   * @param start wakes an app and its linked apps ({@code waker::start})
   * @param boots the recent wake durations, for the default lead
   * @param events where APP_PREWARMED goes
   */
  PrewarmActions(
      AppTracker tracker,
      Function<AppSettings, Future<?>> start,
      BootTimes boots,
      EventRecorder events) {
    this.tracker = Objects.requireNonNull(tracker, "tracker");
    this.start = Objects.requireNonNull(start, "start");
    this.boots = Objects.requireNonNull(boots, "boots");
    this.events = Objects.requireNonNull(events, "events");
  }

  /**
   * Starts those of {@code sleeping} whose usual hour is within their lead of {@code now}, unless
   * started for that hour already. Never fails: a history that cannot be read, or a start that
   * fails, is logged and left to the next tick.
   */
  Future<Void> startDue(List<Sleeping> sleeping, Instant now) {
    Instant nextHour = now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
    List<Near> near = new ArrayList<>();
    for (Sleeping app : sleeping) {
      Duration lead = lead(app);
      // no usual hour can be due before the next hour's lead has come
      if (!nextHour.minus(lead).isAfter(now)) {
        near.add(new Near(app, lead));
      }
    }
    if (near.isEmpty()) {
      return Future.succeededFuture();
    }
    return tracker
        .activity(near.stream().map(app -> app.sleeping().app().key()).toList())
        .compose(
            histories -> {
              List<Future<Void>> starts = new ArrayList<>();
              for (Near app : near) {
                ActivityHistory history = histories.get(app.sleeping().app().key());
                if (history != null) {
                  dueHour(app, history, now).ifPresent(hour -> starts.add(start(app, hour)));
                }
              }
              return Future.join(starts).<Void>mapEmpty();
            },
            failure -> {
              LOG.warn(
                  "pre-warm skipped at this tick: the activity of {} apps could not be read: {}",
                  near.size(),
                  failure.getMessage());
              return Future.<Void>succeededFuture();
            });
  }

  /** A sleeping app within its lead of the next hour's start. */
  private record Near(Sleeping sleeping, Duration lead) {}

  private Duration lead(Sleeping app) {
    Duration lead =
        PrewarmPlan.lead(app.settings().policy().prewarmLead(), boots.recent(app.app().key()));
    Duration idle = app.settings().maxIdleTime();
    if (lead.compareTo(idle) >= 0 && leadWarned.add(app.app().key())) {
      LOG.warn(
          "app {}: its pre-warm lead ({}) is not shorter than its idle time ({}): pre-warmed, it"
              + " is stopped for idleness before the hour it was started for (shorten prewarm_lead"
              + " or lengthen app_max_idle_time)",
          app.app().key(),
          Durations.format(lead),
          Durations.format(idle));
    }
    return lead;
  }

  /** The usual hour due now, unless the app was started for it already. */
  private Optional<Long> dueHour(Near app, ActivityHistory history, Instant now) {
    return PrewarmPlan.dueHour(history, now, app.lead())
        .filter(hour -> !hour.equals(startedFor.get(app.sleeping().app().key())));
  }

  private Future<Void> start(Near near, long hour) {
    ProviderApp app = near.sleeping().app();
    Instant forHour = Instant.ofEpochSecond(hour * 3600);
    startedFor.put(app.key(), hour);
    LOG.info(
        "app {}: usually used in the hour from {}, starting it {} ahead (pre-warm)",
        app.key(),
        forHour,
        near.lead());
    events.record(
        EventType.APP_PREWARMED, app.key(), app.provider(), Map.of("for_hour", forHour.toString()));
    return start
        .apply(near.sleeping().settings())
        .onFailure(
            failure -> {
              // tried again at the next tick while the lead lasts
              startedFor.remove(app.key(), hour);
              LOG.warn(
                  "app {} not pre-warmed for {}: {} (tried again at the next tick until then)",
                  app.key(),
                  forHour,
                  failure.getMessage());
            })
        .<Void>mapEmpty()
        .otherwiseEmpty();
  }

  /** The app is no longer listed: forget the hour it was started for. */
  void forget(String key) {
    startedFor.remove(key);
  }
}
