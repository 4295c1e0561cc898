package dev.paastis.internal.scheduler;

import dev.paastis.internal.lifecycle.Metrics;
import io.vertx.core.Future;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A scheduler task that reports how long each run took ({@code paastis_scheduler_tick_seconds}) and
 * logs it at debug: what a large account costs a tick shows without a profiler.
 */
public final class TimedTick implements Supplier<Future<Void>> {

  private static final Logger LOG = LoggerFactory.getLogger(TimedTick.class);

  private final Supplier<Future<Void>> task;
  private final Metrics metrics;

  public TimedTick(Supplier<Future<Void>> task, Metrics metrics) {
    this.task = Objects.requireNonNull(task, "task");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  /** Runs the task once; its outcome is passed on as it is. */
  @Override
  public Future<Void> get() {
    long started = System.nanoTime();
    Future<Void> run;
    try {
      run = task.get();
    } catch (RuntimeException e) {
      run = Future.failedFuture(e);
    }
    return run.andThen(
        done -> {
          long took = System.nanoTime() - started;
          metrics.tickEnded(took);
          LOG.debug("tick took {} ms", TimeUnit.NANOSECONDS.toMillis(took));
        });
  }
}
