package dev.paastis.provider.local;

import dev.paastis.config.LocalAppConfig;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a freshly spawned child until it answers HTTP; when the start timeout passes first, runs
 * {@code onTimeout} (which kills it). Probing is needed even when nobody asks for the status, or a
 * child that never listens would run forever.
 */
final class StartWatch {

  private static final Logger LOG = LoggerFactory.getLogger(StartWatch.class);
  private static final long PROBE_INTERVAL_MILLIS = 200;

  private final Vertx vertx;
  private final HealthProbe probe;
  private final Duration timeout;
  private final LocalAppConfig config;
  private final LocalChild child;
  private final Runnable onTimeout;
  private final AtomicBoolean over = new AtomicBoolean();
  private volatile long deadlineTimer;

  StartWatch(LocalRuntime runtime, LocalAppConfig config, LocalChild child, Runnable onTimeout) {
    this.vertx = runtime.vertx();
    this.probe = runtime.probe();
    this.timeout = runtime.startTimeout();
    this.config = config;
    this.child = child;
    this.onTimeout = onTimeout;
  }

  void begin() {
    deadlineTimer = vertx.setTimer(Math.max(1, timeout.toMillis()), id -> timedOut());
    probeLater();
  }

  private void timedOut() {
    if (over.compareAndSet(false, true)) {
      onTimeout.run();
    }
  }

  private void probeLater() {
    vertx.setTimer(PROBE_INTERVAL_MILLIS, id -> probe());
  }

  private void probe() {
    if (over.get()) {
      return;
    }
    if (!child.isAlive() || child.stopRequested()) {
      finish();
      return;
    }
    probe
        .answers(config.port(), config.healthPath())
        .onSuccess(
            answered -> {
              if (!answered) {
                probeLater();
              } else if (finish()) {
                LOG.info("local app {} answers on port {}", child, config.port());
              }
            });
  }

  private boolean finish() {
    if (!over.compareAndSet(false, true)) {
      return false;
    }
    vertx.cancelTimer(deadlineTimer);
    return true;
  }
}
