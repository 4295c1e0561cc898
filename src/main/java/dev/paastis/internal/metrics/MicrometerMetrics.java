package dev.paastis.internal.metrics;

import dev.paastis.app.AppState;
import dev.paastis.internal.lifecycle.Metrics;
import dev.paastis.internal.lifecycle.StopReason;
import dev.paastis.internal.lifecycle.WakeOutcome;
import dev.paastis.policy.IgnoredReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The engine's metrics on a Micrometer registry. Named with dots here; the Prometheus registry
 * writes {@code paastis.proxy.requests} as {@code paastis_proxy_requests_total} and the timers in
 * seconds ({@code paastis_wake_duration_seconds_bucket}...).
 *
 * <p>The request counters, touched on every proxied request, are kept per app so that the hot path
 * is one map lookup; the other meters change a few times a minute and are looked up in the
 * registry, which returns the meter it already holds for the same name and tags.
 */
public final class MicrometerMetrics implements Metrics {

  private static final String[] STATUS_CLASSES = {"1xx", "2xx", "3xx", "4xx", "5xx"};

  /** From a cached app on this machine to a cold start on a PaaS. */
  private static final Duration[] WAKE_BUCKETS = seconds(0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300);

  /** From a proxied request to a running app to one that waited for a wake. */
  private static final Duration[] REQUEST_BUCKETS =
      seconds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60);

  private final MeterRegistry registry;
  private final Timer requestDuration;
  private final Timer wakeDuration;
  private final Timer tickDuration;
  private final Map<String, Counter[]> requestsByApp = new ConcurrentHashMap<>();

  public MicrometerMetrics(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.requestDuration =
        Timer.builder("paastis.proxy.request.duration")
            .description("Time from a request's arrival to the end of its response")
            .serviceLevelObjectives(REQUEST_BUCKETS)
            .register(registry);
    this.wakeDuration =
        Timer.builder("paastis.wake.duration")
            .description("Time from the start of a wake to the app answering")
            .serviceLevelObjectives(WAKE_BUCKETS)
            .register(registry);
    this.tickDuration =
        Timer.builder("paastis.scheduler.tick")
            .description("Time of one scheduler tick: listings, discovery, idle sweep")
            .register(registry);
  }

  @Override
  public void requestServed(String app, int status, long durationNanos) {
    Counter[] byClass = requestsByApp.get(app);
    if (byClass == null) {
      byClass = requestsByApp.computeIfAbsent(app, this::requestCounters);
    }
    byClass[statusClass(status)].increment();
    requestDuration.record(durationNanos, TimeUnit.NANOSECONDS);
  }

  private Counter[] requestCounters(String app) {
    Counter[] byClass = new Counter[STATUS_CLASSES.length];
    for (int i = 0; i < byClass.length; i++) {
      byClass[i] =
          Counter.builder("paastis.proxy.requests")
              .description("Requests answered by the proxy, by app and status class")
              .tag("app", app)
              .tag("status", STATUS_CLASSES[i])
              .register(registry);
    }
    return byClass;
  }

  /** 0 for 1xx … 4 for 5xx; anything outside 100–599 falls in the nearest class. */
  private static int statusClass(int status) {
    return Math.min(Math.max(status / 100, 1), STATUS_CLASSES.length) - 1;
  }

  @Override
  public void wakeEnded(String app, WakeOutcome outcome, long durationNanos) {
    increment("paastis.wakes", "Wakes, by app and outcome", "app", app, "outcome", outcome.value());
    if (outcome == WakeOutcome.STARTED) {
      wakeDuration.record(durationNanos, TimeUnit.NANOSECONDS);
    }
  }

  @Override
  public void requestIgnored(IgnoredReason reason) {
    increment(
        "paastis.wake.ignored.requests",
        "Requests that may not wake their app (monitors, crawlers, ignored paths), by reason",
        "reason",
        reason.value());
  }

  @Override
  public void appStopped(String app, StopReason reason) {
    increment(
        "paastis.stops", "Apps stopped, by app and reason", "app", app, "reason", reason.value());
  }

  @Override
  public void providerCalled(String provider, String operation, boolean succeeded) {
    increment(
        "paastis.provider.calls",
        "Provider API calls, by provider, operation and outcome",
        "provider",
        provider,
        "operation",
        operation,
        "outcome",
        succeeded ? "success" : "error");
  }

  @Override
  public void tickEnded(long durationNanos) {
    tickDuration.record(durationNanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void registryFailed(String operation) {
    increment("paastis.registry.errors", "Failed registry operations", "operation", operation);
  }

  @Override
  public void eventStoreFailed(String operation) {
    increment(
        "paastis.event.store.errors", "Failed event-store operations", "operation", operation);
  }

  /** One gauge per state, all present, read at each scrape. */
  @Override
  public void watchAppStates(Supplier<Map<AppState, Long>> appsByState) {
    for (AppState state : AppState.values()) {
      Gauge.builder("paastis.apps", appsByState, counts -> counts.get().getOrDefault(state, 0L))
          .description("Apps the providers reported, by state")
          .tag("state", state.name().toLowerCase(Locale.ROOT))
          // the registry holds gauges' sources weakly: keep this lambda alive
          .strongReference(true)
          .register(registry);
    }
  }

  private void increment(String name, String description, String... tags) {
    Counter.builder(name).description(description).tags(tags).register(registry).increment();
  }

  private static Duration[] seconds(double... values) {
    Duration[] durations = new Duration[values.length];
    for (int i = 0; i < values.length; i++) {
      durations[i] = Duration.ofNanos(Math.round(values[i] * 1e9));
    }
    return durations;
  }
}
