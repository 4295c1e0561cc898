package dev.paastis.internal.scheduler;

import dev.paastis.policy.CronSchedule;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a task at each cron tick. The next tick is planned only once the current one is over, so a
 * slow tick never overlaps the next one (the ticks it spans are skipped).
 */
public final class Scheduler {

  private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);

  private final Vertx vertx;
  private final CronSchedule cron;
  private final Clock clock;
  private final Supplier<Future<Void>> task;
  private long timerId = -1;
  private volatile boolean stopped;

  public Scheduler(Vertx vertx, CronSchedule cron, Clock clock, Supplier<Future<Void>> task) {
    this.vertx = vertx;
    this.cron = cron;
    this.clock = clock;
    this.task = task;
  }

  public synchronized void start() {
    stopped = false;
    planNext();
  }

  /** Stops planning ticks; a tick under way finishes. Idempotent. */
  public synchronized void stop() {
    stopped = true;
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
      timerId = -1;
    }
  }

  private synchronized void planNext() {
    if (stopped) {
      return;
    }
    Optional<Duration> delay = cron.delayAfter(ZonedDateTime.now(clock));
    if (delay.isEmpty()) {
      LOG.warn("cron {} never fires again: no more ticks", cron);
      return;
    }
    timerId = vertx.setTimer(Math.max(1, delay.get().toMillis()), id -> runTick());
  }

  private void runTick() {
    Future<Void> tick;
    try {
      tick = task.get();
    } catch (RuntimeException e) {
      tick = Future.failedFuture(e);
    }
    tick.onComplete(
        done -> {
          if (done.failed()) {
            LOG.warn("scheduler tick failed: {}", done.cause().toString());
          }
          planNext();
        });
  }
}
