package dev.paastis.internal.admin;

import dev.paastis.app.AppSettings;
import dev.paastis.app.AppState;
import dev.paastis.app.Formation;
import dev.paastis.app.ProviderApp;
import dev.paastis.app.Rules;
import dev.paastis.app.SleepPolicy;
import dev.paastis.events.EventStore;
import dev.paastis.internal.lifecycle.AppCatalog;
import dev.paastis.internal.lifecycle.AppLifecycle;
import dev.paastis.policy.PrewarmPlan;
import dev.paastis.policy.Savings;
import dev.paastis.policy.Savings.Span;
import dev.paastis.registry.ManagedApp;
import dev.paastis.registry.Registry;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The apps as the admin API shows them: what the providers reported last (no provider call), what
 * Paastis tracks, what it is doing now, and how long each app slept over the last 7 days.
 */
final class AppViews {

  static final Duration SLEEP_WINDOW = Duration.ofDays(7);

  private final AppCatalog catalog;
  private final Registry registry;
  private final AppHistories histories;
  private final AppLifecycle lifecycle;
  private final Rules rules;
  private final Clock clock;

  AppViews(
      AppCatalog catalog,
      Registry registry,
      EventStore events,
      AppLifecycle lifecycle,
      Rules rules,
      Clock clock) {
    this.catalog = catalog;
    this.registry = registry;
    this.histories = new AppHistories(events);
    this.lifecycle = lifecycle;
    this.rules = rules;
    this.clock = clock;
  }

  /** {@code {"now": ..., "apps": [...]}}, sorted by name. */
  Future<JsonObject> all() {
    Instant now = clock.instant();
    return registry
        .all()
        .compose(
            tracked -> {
              Map<String, ProviderApp> apps = new LinkedHashMap<>();
              catalog.all().forEach(app -> apps.put(app.key(), app));
              // a tracked app the catalog has not seen yet (e.g. before the first listing)
              tracked.forEach(entry -> apps.computeIfAbsent(entry.key(), key -> unseen(entry)));
              Map<String, ManagedApp> byKey = new LinkedHashMap<>();
              tracked.forEach(entry -> byKey.put(entry.key(), entry));
              List<Future<JsonObject>> views =
                  apps.values().stream()
                      .sorted(Comparator.comparing(ProviderApp::key))
                      .map(app -> view(app, Optional.ofNullable(byKey.get(app.key())), now))
                      .toList();
              return Future.all(views)
                  .map(
                      done -> {
                        JsonArray list = new JsonArray();
                        views.forEach(view -> list.add(view.result()));
                        return new JsonObject().put("now", now.toString()).put("apps", list);
                      });
            });
  }

  /** The view of one app; fails with AppNotFoundException when no provider knows it. */
  Future<JsonObject> one(String name) {
    return find(name).compose(this::one);
  }

  Future<JsonObject> one(ProviderApp app) {
    Instant now = clock.instant();
    return registry.get(app.key()).compose(tracked -> view(app, tracked, now));
  }

  /** The provider app of that name: from the catalog, else asking the providers. */
  Future<ProviderApp> find(String name) {
    return lifecycle.find(settings(name));
  }

  /** What the rules give a provider app addressed by its own name. */
  AppSettings settings(String name) {
    return rules.forProviderApp(name);
  }

  private Future<JsonObject> view(ProviderApp app, Optional<ManagedApp> tracked, Instant now) {
    return sleptOver7Days(app.key(), tracked, now)
        .otherwise(Duration.ZERO)
        .map(slept -> json(app, tracked, slept));
  }

  /** The app's time asleep over the 7 days before now, as {@link Savings} counts it. */
  private Future<Duration> sleptOver7Days(String key, Optional<ManagedApp> tracked, Instant now) {
    Span window = Span.ending(now, SLEEP_WINDOW);
    return histories
        .of(key, window, AppHistories.phaseNow(tracked))
        .map(history -> Savings.asleep(history, window));
  }

  private JsonObject json(ProviderApp app, Optional<ManagedApp> tracked, Duration slept) {
    AppState state = catalog.state(app);
    AppSettings settings = settings(app.key());
    Duration maxIdleTime = tracked.map(ManagedApp::maxIdleTime).orElse(settings.maxIdleTime());
    Instant now = clock.instant();
    AppStanding standing =
        AppStanding.of(
            state,
            tracked,
            settings.policy(),
            lifecycle.vetoes().at(app.key(), now),
            nextPrewarm(app.key(), tracked, settings.policy(), now),
            now);
    return new JsonObject()
        .put("name", app.key())
        .put("display_name", app.displayName())
        .put("provider", app.provider())
        .put("region", app.region().orElse(null))
        .put("state", state.name())
        .put("url", app.upstream().map(Object::toString).orElse(null))
        .put("tracked", tracked.isPresent())
        .put("max_idle_time_seconds", maxIdleTime.toSeconds())
        .put("last_accessed_at", tracked.map(t -> t.lastAccessedAt().toString()).orElse(null))
        .put(
            "sleeps_at",
            tracked
                .filter(t -> state == AppState.RUNNING)
                .map(t -> t.idleDeadline().toString())
                .orElse(null))
        .put(
            "stopped_at",
            tracked.flatMap(ManagedApp::stoppedAt).map(Instant::toString).orElse(null))
        .put("why", standing.why().orElse(null))
        .put("changes_at", standing.changesAt().map(Instant::toString).orElse(null))
        .put(
            "pinned_until",
            tracked.flatMap(ManagedApp::pinnedUntil).map(Instant::toString).orElse(null))
        .put("in_flight", catalog.inFlight(app.key()))
        .put("slept_seconds_7d", slept.toSeconds());
  }

  /** When a pre-warm starts the app next: its rule asks for it, and its history shows the hours. */
  private Optional<Instant> nextPrewarm(
      String key, Optional<ManagedApp> tracked, SleepPolicy policy, Instant now) {
    if (!policy.prewarm() || tracked.isEmpty()) {
      return Optional.empty();
    }
    Duration lead = PrewarmPlan.lead(policy.prewarmLead(), lifecycle.bootTimes().recent(key));
    return PrewarmPlan.nextPrewarm(tracked.get().activity(), now, lead);
  }

  private static ProviderApp unseen(ManagedApp entry) {
    return new ProviderApp(
        entry.key(),
        entry.key(),
        entry.provider(),
        AppState.UNKNOWN,
        Optional.empty(),
        entry.region(),
        Formation.EMPTY);
  }
}
