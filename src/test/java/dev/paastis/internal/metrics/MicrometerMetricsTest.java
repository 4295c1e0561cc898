package dev.paastis.internal.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paastis.app.AppState;
import dev.paastis.internal.lifecycle.Metrics;
import dev.paastis.internal.lifecycle.StopReason;
import dev.paastis.internal.lifecycle.WakeOutcome;
import dev.paastis.policy.IgnoredReason;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Prometheus names, labels and buckets that {@code GET /metrics} shows. */
class MicrometerMetricsTest {

  private static final long ONE_MS = 1_000_000L;
  private static final long THREE_SECONDS = 3_000_000_000L;

  private final PrometheusMetrics prometheus = new PrometheusMetrics();
  private final Metrics metrics = prometheus.metrics();

  @AfterEach
  void tearDown() {
    prometheus.close();
  }

  private String scrape() {
    return prometheus.registry().scrape();
  }

  @Test
  void each_report_is_a_paastis_series_with_its_labels() {
    metrics.requestServed("shop", 200, ONE_MS);
    metrics.wakeEnded("shop", WakeOutcome.STARTED, THREE_SECONDS);
    metrics.wakeEnded("shop", WakeOutcome.TIMEOUT, THREE_SECONDS);
    metrics.wakeEnded("shop", WakeOutcome.FAILED, THREE_SECONDS);
    metrics.appStopped("shop", StopReason.IDLE);
    metrics.appStopped("shop", StopReason.MANUAL);
    metrics.appStopped("shop", StopReason.SCHEDULE);
    metrics.requestIgnored(IgnoredReason.USER_AGENT);
    metrics.requestIgnored(IgnoredReason.USER_AGENT);
    metrics.requestIgnored(IgnoredReason.PATH);
    metrics.providerCalled("heroku", "start", true);
    metrics.providerCalled("heroku", "status", false);
    metrics.registryFailed("touch");
    metrics.eventStoreFailed("append");
    metrics.tickEnded(ONE_MS);

    assertThat(scrape().lines())
        .contains(
            "paastis_proxy_requests_total{app=\"shop\",status=\"2xx\"} 1.0",
            "paastis_proxy_request_duration_seconds_count 1",
            "paastis_wakes_total{app=\"shop\",outcome=\"started\"} 1.0",
            "paastis_wakes_total{app=\"shop\",outcome=\"timeout\"} 1.0",
            "paastis_wakes_total{app=\"shop\",outcome=\"failed\"} 1.0",
            "paastis_stops_total{app=\"shop\",reason=\"idle\"} 1.0",
            "paastis_stops_total{app=\"shop\",reason=\"manual\"} 1.0",
            "paastis_stops_total{app=\"shop\",reason=\"schedule\"} 1.0",
            "paastis_wake_ignored_requests_total{reason=\"user_agent\"} 2.0",
            "paastis_wake_ignored_requests_total{reason=\"path\"} 1.0",
            "paastis_provider_calls_total{operation=\"start\",outcome=\"success\",provider=\"heroku\"} 1.0",
            "paastis_provider_calls_total{operation=\"status\",outcome=\"error\",provider=\"heroku\"} 1.0",
            "paastis_registry_errors_total{operation=\"touch\"} 1.0",
            "paastis_event_store_errors_total{operation=\"append\"} 1.0",
            "paastis_scheduler_tick_seconds_count 1",
            "# TYPE paastis_proxy_requests_total counter");
  }

  @ParameterizedTest(name = "status {0} counts as {1}")
  @CsvSource({"101, 1xx", "204, 2xx", "302, 3xx", "404, 4xx", "503, 5xx", "599, 5xx"})
  void requests_are_counted_by_status_class(int status, String statusClass) {
    metrics.requestServed("shop", status, ONE_MS);
    metrics.requestServed("shop", status, ONE_MS);

    assertThat(scrape().lines())
        .contains("paastis_proxy_requests_total{app=\"shop\",status=\"" + statusClass + "\"} 2.0");
  }

  @Test
  void the_wake_duration_is_a_histogram_of_started_wakes_from_half_a_second_to_five_minutes() {
    metrics.wakeEnded("shop", WakeOutcome.STARTED, THREE_SECONDS);
    metrics.wakeEnded("shop", WakeOutcome.TIMEOUT, THREE_SECONDS);

    assertThat(scrape().lines())
        .contains(
            "# TYPE paastis_wake_duration_seconds histogram",
            "paastis_wake_duration_seconds_bucket{le=\"2.0\"} 0",
            "paastis_wake_duration_seconds_bucket{le=\"5.0\"} 1",
            "paastis_wake_duration_seconds_count 1")
        .filteredOn(line -> line.startsWith("paastis_wake_duration_seconds_bucket"))
        .extracting(line -> line.substring(line.indexOf("le=\"") + 4, line.indexOf("\"}")))
        .containsExactly(
            "0.5", "1.0", "2.0", "5.0", "10.0", "20.0", "30.0", "60.0", "120.0", "300.0", "+Inf");
  }

  @Test
  void the_request_duration_is_a_histogram_from_five_milliseconds_to_a_minute() {
    metrics.requestServed("shop", 200, ONE_MS);

    assertThat(scrape().lines())
        .contains(
            "# TYPE paastis_proxy_request_duration_seconds histogram",
            "paastis_proxy_request_duration_seconds_bucket{le=\"0.005\"} 1",
            "paastis_proxy_request_duration_seconds_bucket{le=\"60.0\"} 1",
            "paastis_proxy_request_duration_seconds_bucket{le=\"+Inf\"} 1");
  }

  @Test
  void apps_by_state_shows_every_state_with_zero_when_none_and_follows_the_source() {
    Map<AppState, Long> counts = new java.util.EnumMap<>(Map.of(AppState.RUNNING, 2L));
    metrics.watchAppStates(() -> counts);

    assertThat(scrape().lines())
        .contains(
            "# TYPE paastis_apps gauge",
            "paastis_apps{state=\"running\"} 2.0",
            "paastis_apps{state=\"stopped\"} 0.0",
            "paastis_apps{state=\"starting\"} 0.0",
            "paastis_apps{state=\"stopping\"} 0.0",
            "paastis_apps{state=\"failed\"} 0.0",
            "paastis_apps{state=\"unknown\"} 0.0");

    counts.put(AppState.STOPPED, 1L);
    assertThat(scrape().lines()).contains("paastis_apps{state=\"stopped\"} 1.0");
  }

  @Test
  void the_jvm_basics_are_there() {
    assertThat(scrape())
        .contains(
            "jvm_memory_used_bytes{",
            "jvm_gc_",
            "jvm_threads_live_threads ",
            "jvm_classes_loaded_classes ",
            "system_cpu_count ",
            "process_cpu_usage ",
            "process_uptime_seconds ");
  }
}
