package dev.paastis.internal.admin;

import dev.paastis.events.Event;
import dev.paastis.events.EventQuery;
import dev.paastis.events.EventStore;
import dev.paastis.policy.Savings;
import dev.paastis.policy.Savings.AppHistory;
import dev.paastis.policy.Savings.Phase;
import dev.paastis.policy.Savings.Span;
import dev.paastis.provider.FewAtATime;
import dev.paastis.registry.ManagedApp;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads from the event store what {@link Savings} needs of apps: their events in a window, through
 * every page, and each app's newest event before it.
 */
final class AppHistories {

  /** How many apps' events before the window are asked for at once: a database pool is small. */
  static final int BEFORE_AT_ONCE = 8;

  /**
   * Added to the window's end in queries, whose {@code until} excludes its instant: an event at the
   * window's end belongs to it ({@link Savings} ignores anything later).
   */
  private static final Duration END_INCLUDED = Duration.ofMillis(1);

  private final EventStore store;

  AppHistories(EventStore store) {
    this.store = store;
  }

  /** Where a tracked app stands now, as the registry says; an app it does not have is untracked. */
  static Phase phaseNow(Optional<ManagedApp> tracked) {
    return tracked
        .map(app -> app.isSleeping() ? Phase.ASLEEP : Phase.AWAKE)
        .orElse(Phase.UNTRACKED);
  }

  /** One app's history over the window. */
  Future<AppHistory> of(String app, Span window, Phase now) {
    Future<List<Event>> events = inWindow(Optional.of(app), window);
    Future<Optional<Event>> before = before(app, window.from());
    return Future.all(events, before)
        .map(done -> new AppHistory(app, before.result(), events.result(), now));
  }

  /**
   * The histories of these apps and of every app with events in the window, sorted by key.
   *
   * @param tracked the apps the registry tracks now
   * @param known other apps to read, such as those the providers list: an app Paastis stopped
   *     before the window may be in neither the registry (an in-memory one forgets it at a restart)
   *     nor the window's events
   */
  Future<List<AppHistory>> all(Span window, List<ManagedApp> tracked, Collection<String> known) {
    return inWindow(Optional.empty(), window)
        .compose(
            events -> {
              Map<String, List<Event>> byApp = new LinkedHashMap<>();
              events.forEach(
                  event -> byApp.computeIfAbsent(event.app(), key -> new ArrayList<>()).add(event));
              Map<String, Phase> now = new LinkedHashMap<>();
              tracked.forEach(app -> now.put(app.key(), phaseNow(Optional.of(app))));
              TreeSet<String> keys = new TreeSet<>(byApp.keySet());
              keys.addAll(now.keySet());
              keys.addAll(known);
              return befores(List.copyOf(keys), window.from())
                  .map(
                      before ->
                          keys.stream()
                              .map(
                                  key ->
                                      new AppHistory(
                                          key,
                                          before.get(key),
                                          byApp.getOrDefault(key, List.of()),
                                          now.getOrDefault(key, Phase.UNTRACKED)))
                              .toList());
            });
  }

  /** Each app's newest event before {@code from} that settles its phase, a few apps at a time. */
  private Future<Map<String, Optional<Event>>> befores(List<String> apps, Instant from) {
    Map<String, Optional<Event>> found = new ConcurrentHashMap<>();
    AtomicReference<Throwable> failed = new AtomicReference<>();
    return FewAtATime.forEach(
            apps,
            BEFORE_AT_ONCE,
            () -> failed.get() == null,
            app ->
                before(app, from)
                    .onSuccess(event -> found.put(app, event))
                    .onFailure(failure -> failed.compareAndSet(null, failure)))
        .compose(
            started ->
                failed.get() == null
                    ? Future.succeededFuture(Map.copyOf(found))
                    : Future.failedFuture(failed.get()));
  }

  private Future<Optional<Event>> before(String app, Instant from) {
    return store
        .find(
            new EventQuery(
                Optional.of(app), Savings.SETTLING, Optional.empty(), Optional.of(from), 1))
        .map(events -> events.stream().findFirst());
  }

  /** The events of {@link Savings#TYPES} in the window, newest first, page after page. */
  private Future<List<Event>> inWindow(Optional<String> app, Span window) {
    EventQuery query =
        new EventQuery(
            app,
            Savings.TYPES,
            Optional.of(window.from()),
            Optional.of(window.to().plus(END_INCLUDED)),
            EventQuery.MAX_LIMIT);
    return pages(query, new ArrayList<>());
  }

  private Future<List<Event>> pages(EventQuery query, List<Event> read) {
    return store
        .page(query)
        .compose(
            page -> {
              read.addAll(page.events());
              return page.next()
                  .map(next -> pages(query.after(next), read))
                  .orElseGet(() -> Future.succeededFuture(read));
            });
  }
}
