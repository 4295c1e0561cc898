package dev.paastis.internal.scheduler;

import dev.paastis.app.AppSettings;
import dev.paastis.app.AppState;
import dev.paastis.app.ProviderApp;
import dev.paastis.app.Rules;
import dev.paastis.app.SleepPolicy;
import dev.paastis.events.EventType;
import dev.paastis.internal.lifecycle.AppCatalog;
import dev.paastis.internal.lifecycle.BootTimes;
import dev.paastis.internal.lifecycle.BusyProbe;
import dev.paastis.internal.lifecycle.EventRecorder;
import dev.paastis.internal.lifecycle.IgnoredApps;
import dev.paastis.internal.lifecycle.StopVetoes;
import dev.paastis.internal.lifecycle.Stopper;
import dev.paastis.internal.lifecycle.Waker;
import dev.paastis.internal.registry.AppTracker;
import dev.paastis.internal.registry.Peers;
import dev.paastis.policy.OpenWindow;
import dev.paastis.provider.CallBudget;
import dev.paastis.provider.FewAtATime;
import dev.paastis.provider.Provider;
import dev.paastis.provider.Providers;
import dev.paastis.registry.TrackedApp;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One scheduler tick: list each provider's apps once, register running apps not yet tracked
 * (discovery), stop tracked apps past their idle deadline (idle sweep) unless a pin, a keep_awake
 * window or a busy answer keeps them awake, start and stop apps whose schedule windows open ({@link
 * WindowActions}), start sleeping apps shortly before their usual hours ({@link PrewarmActions}),
 * and unregister apps gone from their provider. A provider whose listing fails is left alone until
 * the next tick. The tick lists and decides; the {@link AppTracker} writes.
 */
public final class Tick {

  private static final Logger LOG = LoggerFactory.getLogger(Tick.class);

  /** How many idle apps of one provider a tick stops at once. */
  static final int STOPS_AT_ONCE = 4;

  private final Providers providers;
  private final AppTracker tracker;
  private final AppCatalog catalog;
  private final IdleStops idleStops;
  private final WindowActions windows;
  private final PrewarmActions prewarm;
  private final EventRecorder events;
  private final Rules rules;
  private final IgnoredApps ignored;
  private final Clock clock;
  private final Peers peers;

  /**
   * What a tick works with.
   *
   * @param catalog where each listing goes, the read model of app state
   * @param tracker the one writer of tracked apps
   * @param stopper stops idle apps, and apps whose keep_asleep window opens
   * @param waker starts apps whose keep_awake window opens, and apps pre-warmed
   * @param busyProbe asks an idle app with a busy_probe whether it may be stopped
   * @param vetoes the idle stops busy apps postponed
   * @param boots the apps' recent wake durations, for the default pre-warm lead
   * @param peers the instances sharing the registry: only the leader lists and decides
   */
  public record Collaborators(
      Providers providers,
      AppCatalog catalog,
      AppTracker tracker,
      Stopper stopper,
      Waker waker,
      BusyProbe busyProbe,
      StopVetoes vetoes,
      BootTimes boots,
      EventRecorder events,
      Rules rules,
      IgnoredApps ignored,
      Clock clock,
      Peers peers) {

    public Collaborators {
      Objects.requireNonNull(providers, "providers");
      Objects.requireNonNull(catalog, "catalog");
      Objects.requireNonNull(tracker, "tracker");
      Objects.requireNonNull(stopper, "stopper");
      Objects.requireNonNull(waker, "waker");
      Objects.requireNonNull(busyProbe, "busyProbe");
      Objects.requireNonNull(vetoes, "vetoes");
      Objects.requireNonNull(boots, "boots");
      Objects.requireNonNull(events, "events");
      Objects.requireNonNull(rules, "rules");
      Objects.requireNonNull(ignored, "ignored");
      Objects.requireNonNull(clock, "clock");
      Objects.requireNonNull(peers, "peers");
    }
  }

  public Tick(Collaborators with) {
    this.providers = with.providers();
    this.tracker = with.tracker();
    this.catalog = with.catalog();
    this.idleStops =
        new IdleStops(
            with.stopper(),
            with.busyProbe(),
            with.vetoes(),
            with.catalog(),
            with.rules(),
            with.events(),
            with.clock());
    this.windows = new WindowActions(with.waker(), with.stopper());
    this.prewarm =
        new PrewarmActions(with.tracker(), with.waker()::start, with.boots(), with.events());
    this.events = with.events();
    this.rules = with.rules();
    this.ignored = with.ignored();
    this.clock = with.clock();
    this.peers = with.peers();
  }

  /**
   * Never fails: a provider whose listing fails is left alone, and when the tracked apps cannot be
   * read (a shared registry unreachable) nothing is decided, so that no app is stopped or forgotten
   * on a state that could not be read.
   */
  public Future<Void> run() {
    if (!peers.leads()) {
      return follow();
    }
    return tracker
        .index()
        .compose(
            tracked -> {
              Map<String, TrackedApp> byKey =
                  tracked.stream().collect(Collectors.toMap(TrackedApp::key, Function.identity()));
              Set<String> keptAwake = linkedToAppsInUse(tracked, clock.instant());
              List<Future<Void>> perProvider =
                  providers.all().stream().map(p -> runFor(p, byKey, keptAwake)).toList();
              return Future.join(perProvider).<Void>mapEmpty();
            },
            failure -> {
              LOG.warn(
                  "tick skipped: the tracked apps could not be read: {}", failure.getMessage());
              return Future.<Void>succeededFuture();
            });
  }

  /**
   * Another instance leads: this one takes the listings the leader shared (no provider call), and
   * lists a provider itself only while it knows none of its apps (the leader has shared none yet).
   */
  private Future<Void> follow() {
    List<Future<Void>> perProvider = new ArrayList<>();
    for (Provider provider : providers.all()) {
      String name = provider.name();
      perProvider.add(
          peers
              .lastListing(name)
              // Redis unreachable: the instance still needs to know which apps run
              .otherwise(Optional.empty())
              .compose(shared -> follow(provider, shared))
              .recover(
                  failure -> {
                    LOG.warn("apps of {} not followed: {}", name, failure.getMessage());
                    return Future.succeededFuture();
                  }));
    }
    return Future.join(perProvider).mapEmpty();
  }

  private Future<Void> follow(Provider provider, Optional<List<ProviderApp>> shared) {
    if (shared.isPresent()) {
      catalog.observe(provider.name(), shared.get());
      return Future.succeededFuture();
    }
    if (catalog.hasListed(provider.name())) {
      return Future.succeededFuture();
    }
    return provider
        .list()
        .onSuccess(listing -> catalog.observe(provider.name(), listing))
        .mapEmpty();
  }

  /**
   * The linked apps of every app still in use or pinned: they stay awake as long as the app that
   * names them, even when nothing requests them directly (a back end, a worker).
   */
  private Set<String> linkedToAppsInUse(List<TrackedApp> tracked, Instant now) {
    return tracked.stream()
        .filter(entry -> !entry.isSleeping())
        .filter(entry -> !entry.isIdleAt(now) || entry.isPinnedAt(now))
        .flatMap(entry -> rules.resolve(entry.key()).linkedApps().stream())
        .collect(Collectors.toSet());
  }

  private Future<Void> runFor(
      Provider provider, Map<String, TrackedApp> tracked, Set<String> keptAwake) {
    return provider
        .list()
        .compose(listing -> reconcile(provider, listing, tracked, keptAwake))
        .recover(
            failure -> {
              LOG.warn("listing apps of {} failed: {}", provider.name(), failure.getMessage());
              return Future.succeededFuture();
            });
  }

  private Future<Void> reconcile(
      Provider provider,
      List<ProviderApp> listing,
      Map<String, TrackedApp> tracked,
      Set<String> keptAwake) {
    catalog.observe(provider.name(), listing);
    peers.share(provider.name(), listing);
    Instant now = clock.instant();
    List<Future<?>> work = new ArrayList<>();
    List<String> idle = new ArrayList<>();
    List<PrewarmActions.Sleeping> sleeping = new ArrayList<>();
    for (ProviderApp app : listing) {
      if (ignored.isIgnored(app)) {
        continue;
      }
      TrackedApp entry = tracked.get(app.key());
      AppSettings settings = rules.forProviderApp(app.key());
      SleepPolicy policy = settings.policy();
      Optional<OpenWindow> asleepWindow = policy.keepAsleep().openAt(now);
      Optional<OpenWindow> awakeWindow = policy.keepAwake().openAt(now);
      boolean pinned = entry != null && entry.isPinnedAt(now);
      if (app.state() == AppState.STOPPED && awakeWindow.isPresent() && asleepWindow.isEmpty()) {
        work.add(windows.startOnce(app, settings, awakeWindow.get()));
        continue;
      }
      if (app.state() == AppState.STOPPED
          && entry != null
          && policy.prewarm()
          && asleepWindow.isEmpty()
          && catalog.state(app) == AppState.STOPPED) {
        sleeping.add(new PrewarmActions.Sleeping(app, settings));
      }
      if (app.state() != AppState.RUNNING) {
        continue;
      }
      boolean waking = catalog.state(app) == AppState.STARTING;
      if (asleepWindow.isPresent() && !pinned && !waking) {
        work.add(windows.stopOnce(app, asleepWindow.get()));
      }
      if (entry == null && waking) {
        continue; // Paastis is waking it: the wake registers it, it was not started outside
      } else if (entry == null) {
        work.add(discover(app, now));
      } else if (entry.isSleeping()) {
        work.add(rediscover(entry, app, now));
      } else if (entry.isIdleAt(now)
          && !pinned
          && awakeWindow.isEmpty()
          && asleepWindow.isEmpty()
          && !idleStops.vetoed(app.key(), now)
          && !keptAwake.contains(app.key())) {
        idle.add(app.key());
      }
    }
    work.add(stopIdle(provider, idle));
    work.add(prewarm.startDue(sleeping, now));
    Set<String> listed = listing.stream().map(ProviderApp::key).collect(Collectors.toSet());
    tracked.values().stream()
        .filter(entry -> entry.provider().equals(provider.name()))
        .filter(entry -> !listed.contains(entry.key()))
        .forEach(
            entry -> {
              windows.forget(entry.key());
              prewarm.forget(entry.key());
              work.add(unregister(entry));
            });
    return Future.join(work).mapEmpty();
  }

  /**
   * Stops the idle apps {@link #STOPS_AT_ONCE} at a time, and only while the provider has calls to
   * spare ({@link CallBudget}): thousands of apps idle at once cost several calls each, more than
   * Heroku's pool for the whole account. The others stay awake until a later tick.
   */
  private Future<Integer> stopIdle(Provider provider, List<String> idle) {
    return FewAtATime.forEach(
            idle, STOPS_AT_ONCE, () -> CallBudget.spareOf(provider), idleStops::stop)
        .onSuccess(
            stopped -> {
              if (stopped < idle.size()) {
                LOG.info(
                    "{} idle apps of {} stay awake until a later tick: its API calls are rationed",
                    idle.size() - stopped,
                    provider.name());
              }
            });
  }

  private Future<Void> discover(ProviderApp app, Instant now) {
    Duration maxIdleTime = rules.resolve(app.key()).maxIdleTime();
    return tracker
        .registerIfAbsent(app, maxIdleTime, now)
        .onSuccess(
            registered -> {
              if (!registered) {
                return; // a wake registered it meanwhile
              }
              LOG.info(
                  "discovered running app {} ({}), stopped after {} idle",
                  app.key(),
                  app.provider(),
                  maxIdleTime);
              events.record(EventType.APP_DISCOVERED, app.key(), app.provider());
              events.record(EventType.APP_REGISTERED, app.key(), app.provider());
            })
        .mapEmpty();
  }

  /** An app Paastis had stopped runs again, started from outside: its idle time starts now. */
  private Future<Void> rediscover(TrackedApp entry, ProviderApp app, Instant now) {
    return tracker
        .markAwake(app, rules.resolve(app.key()).maxIdleTime(), now)
        .onSuccess(
            ignored -> {
              LOG.info("app {} was started outside Paastis: tracked again", entry.key());
              events.record(
                  EventType.APP_DISCOVERED,
                  entry.key(),
                  entry.provider(),
                  Map.of("startedOutside", true));
            })
        .mapEmpty();
  }

  /** An app its provider no longer lists (the catalog forgot it with the listing). */
  private Future<Void> unregister(TrackedApp entry) {
    return tracker
        .forget(entry.key())
        .onSuccess(
            removed -> {
              if (removed) {
                LOG.info("app {} of {} unregistered", entry.key(), entry.provider());
                events.record(EventType.APP_UNREGISTERED, entry.key(), entry.provider());
              }
            })
        .mapEmpty();
  }
}
