package dev.paastis.internal.metrics;

import dev.paastis.internal.lifecycle.Metrics;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * A Prometheus registry of its own (never Micrometer's global one) with the JVM basics bound to it
 * (memory, garbage collection, threads, class loading, CPU, uptime) and the engine's {@link
 * MicrometerMetrics} on it.
 */
public final class PrometheusMetrics implements AutoCloseable {

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final MicrometerMetrics metrics;

  public PrometheusMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    metrics = new MicrometerMetrics(registry);
  }

  /** What {@code GET /metrics} writes: {@link PrometheusMeterRegistry#scrape()}. */
  public PrometheusMeterRegistry registry() {
    return registry;
  }

  public Metrics metrics() {
    return metrics;
  }

  /** Detaches the garbage-collection listeners and closes the registry. Idempotent. */
  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
