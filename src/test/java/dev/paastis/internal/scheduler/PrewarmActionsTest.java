package dev.paastis.internal.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.paastis.app.AppSettings;
import dev.paastis.app.AppState;
import dev.paastis.app.Formation;
import dev.paastis.app.ProviderApp;
import dev.paastis.app.SleepPolicy;
import dev.paastis.events.Event;
import dev.paastis.events.EventType;
import dev.paastis.internal.events.EventFeed;
import dev.paastis.internal.events.memory.InMemoryEventStore;
import dev.paastis.internal.lifecycle.BootTimes;
import dev.paastis.internal.lifecycle.EventRecorder;
import dev.paastis.internal.registry.RegistryTracker;
import dev.paastis.internal.registry.memory.InMemoryRegistry;
import dev.paastis.registry.ManagedApp;
import dev.paastis.registry.Registry;
import dev.paastis.testing.MutableClock;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Pre-warming, with a clock the test sets and histories made up of past requests. */
class PrewarmActionsTest {

  /** Monday 7 December 2026, 08:00 UTC. */
  private static final Instant MONDAY_8 = Instant.parse("2026-12-07T08:00:00Z");

  private static final Duration WEEK = Duration.ofDays(7);

  private final MutableClock clock = new MutableClock();
  private final CountingRegistry registry = new CountingRegistry();
  private final BootTimes boots = new BootTimes();
  private final InMemoryEventStore store = new InMemoryEventStore(100);
  private final List<String> started = new CopyOnWriteArrayList<>();
  private volatile boolean startsFail;

  private final PrewarmActions prewarm =
      new PrewarmActions(
          new RegistryTracker(registry),
          settings -> {
            started.add(settings.key());
            return startsFail
                ? Future.failedFuture(new IllegalStateException("provider down"))
                : Future.succeededFuture();
          },
          boots,
          new EventRecorder(store, new EventFeed(), clock));

  /**
   * A tracked, sleeping app that received requests at 08:10 UTC on every weekday, Monday to Friday,
   * of the given weeks before MONDAY_8 (1: the week before).
   */
  private void usedOnWeekdaysAtEight(String key, int... weeksBefore) {
    ManagedApp app =
        ManagedApp.registered(
            key,
            "fake",
            Optional.empty(),
            Duration.ofMinutes(15),
            MONDAY_8.minus(WEEK.multipliedBy(5)));
    for (int week : weeksBefore) {
      Instant monday = MONDAY_8.minus(WEEK.multipliedBy(week)).plus(Duration.ofMinutes(10));
      for (int day = 0; day < 5; day++) {
        app = app.accessedAt(monday.plus(Duration.ofDays(day)));
      }
    }
    registry.put(app.stopped(Formation.DEFAULT, MONDAY_8.minus(Duration.ofDays(3)))).await();
  }

  private static PrewarmActions.Sleeping sleeping(String key, Optional<Duration> lead) {
    SleepPolicy defaults = SleepPolicy.of(SleepPolicy.Defaults.NONE);
    SleepPolicy prewarmed =
        new SleepPolicy(
            defaults.keepAwake(),
            defaults.keepAsleep(),
            defaults.wakeFilter(),
            defaults.busyProbe(),
            defaults.busyRetry(),
            defaults.busyProbeTimeout(),
            true,
            lead,
            defaults.costPerHour());
    return new PrewarmActions.Sleeping(
        new ProviderApp(
            key,
            key,
            "fake",
            AppState.STOPPED,
            Optional.empty(),
            Optional.empty(),
            Formation.DEFAULT),
        new AppSettings(
            key,
            key,
            Duration.ofMinutes(15),
            List.of(),
            Optional.empty(),
            Optional.empty(),
            prewarmed));
  }

  private void tickAt(Instant at, PrewarmActions.Sleeping... apps) {
    clock.set(at);
    prewarm.startDue(List.of(apps), at).await();
  }

  private List<Event> prewarmed() {
    return store.recent(100).await().stream()
        .filter(event -> event.type() == EventType.APP_PREWARMED)
        .toList();
  }

  @Test
  void an_app_used_on_3_of_the_last_4_mondays_at_8_is_started_its_lead_before_once() {
    usedOnWeekdaysAtEight("shop", 1, 2, 4);
    PrewarmActions.Sleeping shop = sleeping("shop", Optional.of(Duration.ofMinutes(5)));

    tickAt(MONDAY_8.minus(Duration.ofMinutes(30)), shop);
    tickAt(MONDAY_8.minus(Duration.ofSeconds(301)), shop);
    assertThat(started).isEmpty();
    // far from the hour, not a single history is read
    assertThat(registry.gets).hasValue(0);

    tickAt(MONDAY_8.minus(Duration.ofMinutes(5)), shop);
    assertThat(started).containsExactly("shop");
    assertThat(prewarmed()).hasSize(1);
    Event event = prewarmed().get(0);
    assertThat(event.app()).isEqualTo("shop");
    assertThat(event.provider()).isEqualTo("fake");
    assertThat(event.at()).isEqualTo(MONDAY_8.minus(Duration.ofMinutes(5)));
    assertThat(event.details()).containsEntry("for_hour", "2026-12-07T08:00:00Z");

    // the same lead again (an operator stopped it meanwhile): not started twice for one hour
    tickAt(MONDAY_8.minus(Duration.ofMinutes(2)), shop);
    assertThat(started).containsExactly("shop");

    // its hour has begun: nothing is due
    tickAt(MONDAY_8.plus(Duration.ofMinutes(1)), shop);
    // Tuesday at 08:00 is a usual hour too
    tickAt(MONDAY_8.plus(Duration.ofDays(1)).minus(Duration.ofMinutes(3)), shop);
    assertThat(started).containsExactly("shop", "shop");
    assertThat(prewarmed().get(0).details()).containsEntry("for_hour", "2026-12-08T08:00:00Z");
  }

  @Test
  void a_lead_not_shorter_than_the_idle_time_is_warned_about_once() {
    usedOnWeekdaysAtEight("shop", 1, 2, 3);
    Logger logger = (Logger) LoggerFactory.getLogger(PrewarmActions.class);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    try {
      // its idle time is 15 minutes: pre-warmed 20 minutes ahead, it would be stopped before 08:00
      PrewarmActions.Sleeping shop = sleeping("shop", Optional.of(Duration.ofMinutes(20)));
      tickAt(MONDAY_8.minus(Duration.ofMinutes(20)), shop);
      tickAt(MONDAY_8.minus(Duration.ofMinutes(10)), shop);
    } finally {
      logger.detachAppender(appender);
    }

    assertThat(appender.list)
        .filteredOn(event -> event.getLevel() == Level.WARN)
        .singleElement()
        .extracting(ILoggingEvent::getFormattedMessage)
        .asString()
        .contains("app shop", "(20m) is not shorter than its idle time (15m)", "prewarm_lead");
  }

  @Test
  void an_app_used_on_2_of_the_last_4_mondays_is_not_started() {
    usedOnWeekdaysAtEight("shop", 1, 3);

    tickAt(
        MONDAY_8.minus(Duration.ofMinutes(2)),
        sleeping("shop", Optional.of(Duration.ofMinutes(5))));

    assertThat(started).isEmpty();
    assertThat(prewarmed()).isEmpty();
  }

  @Test
  void the_default_lead_is_twice_the_median_wake_a_minute_at_least() {
    usedOnWeekdaysAtEight("shop", 1, 2, 3, 4);
    usedOnWeekdaysAtEight("blog", 1, 2, 3, 4);
    boots.record("blog", Duration.ofSeconds(90));
    boots.record("blog", Duration.ofSeconds(110));
    boots.record("blog", Duration.ofSeconds(100));
    PrewarmActions.Sleeping shop = sleeping("shop", Optional.empty());
    PrewarmActions.Sleeping blog = sleeping("blog", Optional.empty());

    // blog: 2 x 100 s
    tickAt(MONDAY_8.minus(Duration.ofSeconds(201)), shop, blog);
    assertThat(started).isEmpty();
    tickAt(MONDAY_8.minus(Duration.ofSeconds(200)), shop, blog);
    assertThat(started).containsExactly("blog");

    // shop never woke here: a minute
    tickAt(MONDAY_8.minus(Duration.ofSeconds(61)), shop, blog);
    assertThat(started).containsExactly("blog");
    tickAt(MONDAY_8.minus(Duration.ofSeconds(60)), shop, blog);
    assertThat(started).containsExactly("blog", "shop");
  }

  @Test
  void a_start_that_failed_is_tried_again_at_the_next_tick_while_the_lead_lasts() {
    usedOnWeekdaysAtEight("shop", 1, 2, 3, 4);
    PrewarmActions.Sleeping shop = sleeping("shop", Optional.of(Duration.ofMinutes(5)));
    startsFail = true;

    tickAt(MONDAY_8.minus(Duration.ofMinutes(4)), shop);
    startsFail = false;
    tickAt(MONDAY_8.minus(Duration.ofMinutes(3)), shop);
    tickAt(MONDAY_8.minus(Duration.ofMinutes(2)), shop);

    assertThat(started).containsExactly("shop", "shop");
    assertThat(prewarmed()).hasSize(2);
  }

  @Test
  void an_app_forgotten_then_listed_again_may_be_started_again() {
    usedOnWeekdaysAtEight("shop", 1, 2, 3, 4);
    PrewarmActions.Sleeping shop = sleeping("shop", Optional.of(Duration.ofMinutes(5)));
    tickAt(MONDAY_8.minus(Duration.ofMinutes(4)), shop);

    prewarm.forget("shop");
    tickAt(MONDAY_8.minus(Duration.ofMinutes(3)), shop);

    assertThat(started).containsExactly("shop", "shop");
  }

  @Test
  void an_untracked_app_or_an_unreadable_history_starts_nothing_and_fails_nothing() {
    PrewarmActions.Sleeping ghost = sleeping("ghost", Optional.of(Duration.ofMinutes(5)));
    tickAt(MONDAY_8.minus(Duration.ofMinutes(4)), ghost);

    usedOnWeekdaysAtEight("shop", 1, 2, 3, 4);
    registry.down = true;
    tickAt(
        MONDAY_8.minus(Duration.ofMinutes(3)),
        sleeping("shop", Optional.of(Duration.ofMinutes(5))));

    assertThat(started).isEmpty();
    assertThat(prewarmed()).isEmpty();
  }

  /** Counts the reads of records, and fails them while down. */
  private static final class CountingRegistry implements Registry {

    private final InMemoryRegistry delegate = new InMemoryRegistry();
    final AtomicInteger gets = new AtomicInteger();
    volatile boolean down;

    @Override
    public Future<Optional<ManagedApp>> get(String key) {
      gets.incrementAndGet();
      return down ? Future.failedFuture("registry down") : delegate.get(key);
    }

    @Override
    public Future<List<ManagedApp>> all() {
      return delegate.all();
    }

    @Override
    public Future<Void> put(ManagedApp app) {
      return delegate.put(app);
    }

    @Override
    public Future<Void> touch(String key, Instant at) {
      return delegate.touch(key, at);
    }

    @Override
    public Future<Boolean> remove(String key) {
      return delegate.remove(key);
    }
  }
}
