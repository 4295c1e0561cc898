package dev.paastis.internal.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paastis.app.AppSettings;
import dev.paastis.app.AppState;
import dev.paastis.app.Formation;
import dev.paastis.app.ProviderApp;
import dev.paastis.app.Rules;
import dev.paastis.config.HooksConfig;
import dev.paastis.events.Event;
import dev.paastis.events.EventType;
import dev.paastis.internal.events.EventFeed;
import dev.paastis.internal.events.memory.InMemoryEventStore;
import dev.paastis.internal.metrics.MicrometerMetrics;
import dev.paastis.internal.registry.AppTracker;
import dev.paastis.internal.registry.Peers;
import dev.paastis.internal.registry.RegistryTracker;
import dev.paastis.internal.registry.memory.InMemoryRegistry;
import dev.paastis.policy.ActivityHistory;
import dev.paastis.provider.CredentialsRejectedException;
import dev.paastis.provider.Deadline;
import dev.paastis.provider.ProviderException;
import dev.paastis.provider.Providers;
import dev.paastis.registry.ManagedApp;
import dev.paastis.registry.TrackedApp;
import dev.paastis.testing.FakeProvider;
import dev.paastis.testing.MutableClock;
import dev.paastis.testing.TestUpstream;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lifecycle on its own: a stateful fake provider and a real upstream, no proxy. */
class AppLifecycleTest {

  private final Vertx vertx = Vertx.vertx();
  private final MutableClock clock = new MutableClock();
  private final InMemoryRegistry registry = new InMemoryRegistry();
  private final InMemoryEventStore events = new InMemoryEventStore(100);
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private FakeProvider provider;
  private TestUpstream upstream;
  private AppLifecycle lifecycle;
  private AppTracker tracker = new RegistryTracker(registry);

  @BeforeEach
  void setUp() throws Exception {
    upstream = TestUpstream.start(vertx);
    // the web URL answers only while the app runs, as behind a platform's router
    upstream.servesWhile(() -> provider.serves(upstream.uri()));
    provider = new FakeProvider(vertx, "fake", Duration.ofSeconds(5));
    provider.withStoppedApp("shop", upstream.uri());
    setUpWith(provider);
  }

  @AfterEach
  void tearDown() {
    vertx.close().await();
  }

  private AppSettings shop() {
    return new Rules(List.of(), Duration.ofMinutes(15)).resolve("shop");
  }

  private List<EventType> eventTypes() {
    return events.recent(100).await().stream().map(Event::type).toList();
  }

  private double count(String meter, String... tags) {
    Counter counter = meters.find(meter).tags(tags).counter();
    return counter == null ? 0 : counter.count();
  }

  private long wakeDurations() {
    return meters.get("paastis.wake.duration").timer().count();
  }

  @Test
  void concurrent_wakes_share_one_start_counted_as_one_wake() {
    List<Future<Lease>> leases = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      leases.add(lifecycle.wakeAndLease(shop()));
    }

    Future.all(leases).await();

    assertThat(provider.starts).hasValue(1);
    assertThat(lifecycle.catalog().inFlight("shop")).isEqualTo(50);
    leases.forEach(lease -> lease.result().release());
    assertThat(lifecycle.catalog().inFlight("shop")).isZero();
    assertThat(count("paastis.wakes", "app", "shop", "outcome", "started")).isEqualTo(1);
    assertThat(count("paastis.wakes", "outcome", "failed")).isZero();
    assertThat(wakeDurations()).isEqualTo(1);
  }

  @Test
  void the_apps_per_state_show_a_wake_under_way_as_starting() {
    provider.setStartDelay(Duration.ofMillis(300));

    Future<Lease> lease = lifecycle.wakeAndLease(shop());

    Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(lifecycle.catalog().countByState())
                    .containsEntry(AppState.STARTING, 1L));
    lease.await().release();
    assertThat(lifecycle.catalog().countByState()).containsOnly(Map.entry(AppState.RUNNING, 1L));
  }

  @Test
  void a_woken_app_is_registered_and_then_leased_without_provider_calls() {
    lifecycle.wakeAndLease(shop()).await().release();
    int statusCalls = provider.statusCalls.get();

    assertThat(lifecycle.tryLease("shop")).isPresent().get().satisfies(Lease::release);

    assertThat(provider.statusCalls.get()).isEqualTo(statusCalls);
    assertThat(registry.get("shop").await()).isPresent();
    assertThat(eventTypes()).contains(EventType.APP_STARTED, EventType.APP_REGISTERED);
  }

  @Test
  void a_wake_without_the_claim_waits_for_the_instance_that_holds_it_to_start_the_app() {
    tracker = new ClaimsHeldElsewhere(registry);
    setUpWith(provider);

    Future<Lease> lease = lifecycle.wakeAndLease(shop());
    Awaitility.await().until(() -> provider.statusCalls.get() > 0);
    provider.start("shop", Formation.DEFAULT, Deadline.none()).await();
    int statusCalls = provider.statusCalls.get();
    lifecycle.happenedElsewhere(elsewhere(EventType.APP_STARTED, Map.of("durationMs", 900)));

    lease.await().release();
    assertThat(provider.starts.get()).isEqualTo(1);
    assertThat(provider.statusCalls.get()).as("learned from the news").isEqualTo(statusCalls);
    assertThat(eventTypes()).doesNotContain(EventType.APP_STARTING);
    assertThat(registry.get("shop").await()).isPresent();
  }

  @Test
  void a_wake_without_the_claim_fails_when_the_instance_that_holds_it_fails_to_start_the_app() {
    tracker = new ClaimsHeldElsewhere(registry);
    setUpWith(provider);

    Future<Lease> lease = lifecycle.wakeAndLease(shop());
    Awaitility.await().until(() -> provider.statusCalls.get() > 0);
    lifecycle.happenedElsewhere(elsewhere(EventType.APP_START_FAILED, Map.of("reason", "boom")));

    assertThatThrownBy(lease::await)
        .isInstanceOf(StartFailedException.class)
        .hasMessageContaining("the instance that started it reports: boom");
    assertThat(provider.starts.get()).isZero();
  }

  private Event elsewhere(EventType type, Map<String, Object> details) {
    return new Event(type, "shop", "fake", clock.instant(), details);
  }

  @Test
  void a_stop_without_the_claim_leaves_the_app_to_the_instance_that_holds_it() {
    lifecycle.wakeAndLease(shop()).await().release();
    tracker = new ClaimsHeldElsewhere(registry);
    setUpWith(provider);

    assertThat(lifecycle.stopper().stop("shop", StopReason.IDLE).await()).isFalse();

    assertThat(provider.stateOf("shop")).isEqualTo(AppState.RUNNING);
    assertThat(provider.stops.get()).isZero();
  }

  @Test
  void an_app_with_a_request_in_flight_has_its_last_access_moved_to_now() {
    Lease lease = lifecycle.wakeAndLease(shop()).await();
    clock.advance(Duration.ofMinutes(20));

    lifecycle.keepInUseAwake();

    Awaitility.await()
        .until(
            () ->
                registry
                    .get("shop")
                    .await()
                    .orElseThrow()
                    .lastAccessedAt()
                    .equals(clock.instant()));
    lease.release();
    Instant touched = clock.instant();
    clock.advance(Duration.ofMinutes(1));
    lifecycle.keepInUseAwake();
    assertThat(registry.get("shop").await().orElseThrow().lastAccessedAt()).isEqualTo(touched);
  }

  @Test
  void a_leased_app_is_not_stopped_and_a_released_one_is() {
    Lease lease = lifecycle.wakeAndLease(shop()).await();

    assertThat(lifecycle.stopper().stop("shop", StopReason.IDLE).await()).isFalse();
    assertThat(provider.stateOf("shop")).isEqualTo(AppState.RUNNING);

    assertThat(count("paastis.stops")).isZero();

    lease.release();
    assertThat(lifecycle.stopper().stop("shop", StopReason.IDLE).await()).isTrue();
    assertThat(provider.stateOf("shop")).isEqualTo(AppState.STOPPED);
    assertThat(lifecycle.tryLease("shop")).isEmpty();
    assertThat(count("paastis.stops", "app", "shop", "reason", "idle")).isEqualTo(1);
  }

  @Test
  void the_formation_saved_at_stop_is_restored_at_the_next_start() {
    provider.withApp(
        "shop", upstream.uri(), AppState.RUNNING, Formation.of(Map.of("web", 3, "worker", 2)));
    lifecycle.wakeAndLease(shop()).await().release();

    lifecycle.stopper().stop("shop", StopReason.IDLE).await();
    lifecycle.wakeAndLease(shop()).await().release();

    assertThat(provider.startedWith).containsExactly(Formation.of(Map.of("web", 3, "worker", 2)));
    Event stopped =
        events.recent(100).await().stream()
            .filter(e -> e.type() == EventType.APP_STOPPED)
            .findFirst()
            .orElseThrow();
    assertThat(stopped.details()).containsEntry("reason", "idle");
  }

  @Test
  void an_unknown_app_fails_with_app_not_found_and_records_nothing() {
    AppSettings ghost = new Rules(List.of(), Duration.ofMinutes(15)).resolve("ghost");

    assertThatThrownBy(() -> lifecycle.wakeAndLease(ghost).await())
        .isInstanceOf(AppNotFoundException.class)
        .hasMessageContaining("ghost");
    assertThat(eventTypes()).isEmpty();
  }

  @Test
  void a_start_timeout_records_the_failure_and_the_next_wake_starts_again() {
    provider = new FakeProvider(vertx, "fake", Duration.ofMillis(500));
    provider.setNeverReady(true);
    provider.withStoppedApp("shop", upstream.uri());
    setUpWith(provider);

    assertThatThrownBy(() -> lifecycle.wakeAndLease(shop()).await())
        .isInstanceOf(WakeTimeoutException.class);
    assertThat(eventTypes()).contains(EventType.APP_START_FAILED);

    provider.setNeverReady(false);
    provider.withStoppedApp("shop", upstream.uri());
    lifecycle.wakeAndLease(shop()).await().release();
    assertThat(provider.starts).hasValue(2);
    assertThat(count("paastis.wakes", "app", "shop", "outcome", "timeout")).isEqualTo(1);
    assertThat(count("paastis.wakes", "app", "shop", "outcome", "started")).isEqualTo(1);
    assertThat(wakeDurations()).isEqualTo(1);
  }

  @Test
  void a_wake_the_provider_fails_counts_a_failed_wake_and_no_duration() {
    lifecycle.find(shop()).await();
    provider.setBroken(true);

    assertThatThrownBy(() -> lifecycle.wakeAndLease(shop()).await())
        .isInstanceOf(StartFailedException.class);

    assertThat(count("paastis.wakes", "app", "shop", "outcome", "failed")).isEqualTo(1);
    assertThat(wakeDurations()).isZero();
  }

  /** Fails the test, rather than hanging it, when the future is not done within 10 s. */
  private static <T> T within(Future<T> future) throws Exception {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw (Exception) e.getCause();
    }
  }

  /**
   * A provider whose operation timeout is short, so that its deadline passes during the test, and
   * long enough for a wake on a busy machine.
   */
  private void withShortTimeout() {
    provider = new FakeProvider(vertx, "fake", Duration.ofSeconds(2));
    provider.withStoppedApp("shop", upstream.uri());
    setUpWith(provider);
  }

  @Test
  void a_provider_that_hangs_during_the_wake_fails_it_at_the_operation_timeout() throws Exception {
    withShortTimeout();
    lifecycle.find(shop()).await();
    provider.setLatency(Duration.ofMinutes(5));

    assertThatThrownBy(() -> within(lifecycle.wakeAndLease(shop())))
        .isInstanceOf(WakeTimeoutException.class)
        .hasMessageContaining("shop was not ready after 2s")
        .hasMessageContaining("waiting for fake to report its state");
    assertThat(eventTypes()).contains(EventType.APP_START_FAILED);
    assertThat(count("paastis.wakes", "app", "shop", "outcome", "timeout")).isEqualTo(1);
    assertThat(lifecycle.catalog().countByState().getOrDefault(AppState.STARTING, 0L)).isZero();

    provider.setLatency(Duration.ZERO);
    within(lifecycle.wakeAndLease(shop())).release();
    assertThat(provider.starts).hasValue(1);
  }

  @Test
  void a_provider_that_hangs_on_the_lookup_fails_it_at_the_operation_timeout_and_is_asked_again()
      throws Exception {
    withShortTimeout();
    provider.setLatency(Duration.ofMinutes(5));

    assertThatThrownBy(() -> within(lifecycle.wakeAndLease(shop())))
        .isInstanceOf(WakeTimeoutException.class)
        .hasMessageContaining("waiting for its provider to say whether it knows it");

    provider.setLatency(Duration.ZERO);
    within(lifecycle.wakeAndLease(shop())).release();
  }

  @Test
  void an_answer_that_comes_after_the_deadline_starts_nothing_and_changes_nothing()
      throws Exception {
    withShortTimeout();
    lifecycle.find(shop()).await();
    provider.setLatency(Duration.ofMillis(2500));
    int statusCalls = provider.statusCalls.get();

    assertThatThrownBy(() -> within(lifecycle.wakeAndLease(shop())))
        .isInstanceOf(WakeTimeoutException.class);

    // the late status says STOPPED: the wake it belonged to is over, so no start follows
    Awaitility.await()
        .during(Duration.ofMillis(1500))
        .atMost(Duration.ofSeconds(5))
        .until(() -> provider.starts.get() == 0);
    assertThat(provider.statusCalls.get()).isEqualTo(statusCalls + 1);
    assertThat(eventTypes()).doesNotContain(EventType.APP_STARTING, EventType.APP_STARTED);
    assertThat(lifecycle.tryLease("shop")).isEmpty();
    assertThat(registry.get("shop").await()).isEmpty();
  }

  @Test
  void a_provider_fault_on_the_lookup_does_not_hide_the_app_another_provider_knows()
      throws Exception {
    FakeProvider broken = new FakeProvider(vertx, "broken", Duration.ofSeconds(5));
    broken.setBroken(true);
    setUpWith(broken, provider);

    within(lifecycle.wakeAndLease(shop())).release();

    assertThat(provider.starts).hasValue(1);
  }

  @Test
  void a_provider_fault_on_the_lookup_is_not_remembered_as_an_unknown_app() throws Exception {
    provider.setBroken(true);

    assertThatThrownBy(() -> within(lifecycle.wakeAndLease(shop())))
        .isInstanceOf(ProviderException.class)
        .isNotInstanceOf(AppNotFoundException.class)
        .hasMessageContaining("unreachable");

    provider.setBroken(false);
    within(lifecycle.wakeAndLease(shop())).release();
  }

  @Test
  void rejected_credentials_during_a_wake_stay_a_credentials_failure() throws Exception {
    lifecycle.find(shop()).await();
    provider.setRejecting(true);

    assertThatThrownBy(() -> within(lifecycle.wakeAndLease(shop())))
        .isInstanceOf(CredentialsRejectedException.class);
  }

  @Test
  void each_stop_counts_its_reason() {
    lifecycle.wakeAndLease(shop()).await().release();
    lifecycle.stopper().stop("shop", StopReason.MANUAL).await();
    lifecycle.wakeAndLease(shop()).await().release();
    lifecycle.stopper().stop("shop", StopReason.SCHEDULE).await();

    assertThat(count("paastis.stops", "app", "shop", "reason", "manual")).isEqualTo(1);
    assertThat(count("paastis.stops", "app", "shop", "reason", "schedule")).isEqualTo(1);
    assertThat(count("paastis.stops", "reason", "idle")).isZero();
  }

  @Test
  void a_served_request_names_its_app_only_once_a_provider_knows_it() {
    lifecycle.requestServed("shop", 200, 1_000);
    lifecycle.wakeAndLease(shop()).await().release();
    lifecycle.requestServed("shop", 200, 1_000);
    lifecycle.requestServed("random-host-label", 404, 1_000);

    assertThat(count("paastis.proxy.requests", "app", "shop", "status", "2xx")).isEqualTo(1);
    assertThat(count("paastis.proxy.requests", "app", "unknown", "status", "2xx")).isEqualTo(1);
    assertThat(count("paastis.proxy.requests", "app", "unknown", "status", "4xx")).isEqualTo(1);
    assertThat(meters.find("paastis.proxy.requests").tag("app", "random-host-label").counters())
        .isEmpty();
  }

  private void setUpWith(FakeProvider... replacements) {
    Providers providers = new Providers(List.of(replacements));
    lifecycle =
        new AppLifecycle(
            new LifecycleContext(
                vertx,
                providers,
                registry,
                tracker,
                Peers.ALONE,
                new EventRecorder(events, new EventFeed(), clock),
                new HookRunner(vertx, HooksConfig.none()),
                new ReadinessProbe(
                    vertx, new UpstreamCheck(vertx.createHttpClient(new HttpClientOptions()))),
                new Rules(List.of(), Duration.ofMinutes(15)),
                new IgnoredApps(List.of()),
                clock,
                new MicrometerMetrics(meters)));
  }

  /** Another instance holds every claim: this one never starts nor stops an app itself. */
  private static final class ClaimsHeldElsewhere implements AppTracker {

    private static final Claim HELD = Claim.NOT_GRANTED;

    private final AppTracker local;

    ClaimsHeldElsewhere(InMemoryRegistry registry) {
      this.local = new RegistryTracker(registry);
    }

    @Override
    public Future<List<ManagedApp>> all() {
      return local.all();
    }

    @Override
    public Future<List<TrackedApp>> index() {
      return local.index();
    }

    @Override
    public Future<Map<String, ActivityHistory>> activity(Collection<String> keys) {
      return local.activity(keys);
    }

    @Override
    public Future<Boolean> registerIfAbsent(ProviderApp app, Duration maxIdleTime, Instant now) {
      return local.registerIfAbsent(app, maxIdleTime, now);
    }

    @Override
    public Future<Boolean> markAwake(ProviderApp app, Duration maxIdleTime, Instant now) {
      return local.markAwake(app, maxIdleTime, now);
    }

    @Override
    public Future<Void> touch(String key, Instant at) {
      return local.touch(key, at);
    }

    @Override
    public Future<Void> saveFormation(String key, Formation formation, Instant at) {
      return local.saveFormation(key, formation, at);
    }

    @Override
    public Future<Boolean> pin(String key, Optional<Instant> until) {
      return local.pin(key, until);
    }

    @Override
    public Future<Boolean> forget(String key) {
      return local.forget(key);
    }

    @Override
    public Future<Claim> claimWake(String key) {
      return Future.succeededFuture(HELD);
    }

    @Override
    public Future<Claim> claimStop(String key) {
      return Future.succeededFuture(HELD);
    }
  }
}
