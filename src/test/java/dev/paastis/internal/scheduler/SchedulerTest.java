package dev.paastis.internal.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paastis.policy.CronSchedule;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SchedulerTest {

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void tearDown() {
    vertx.close().await();
  }

  @Test
  void a_slow_tick_never_overlaps_the_next_one() {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger maxRunning = new AtomicInteger();
    AtomicInteger finished = new AtomicInteger();
    Scheduler scheduler =
        new Scheduler(
            vertx,
            CronSchedule.parse("* * * * * *"),
            Clock.systemUTC(),
            () -> {
              maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
              Promise<Void> done = Promise.promise();
              // each tick lasts longer than the one-second interval
              vertx.setTimer(
                  1500,
                  id -> {
                    running.decrementAndGet();
                    finished.incrementAndGet();
                    done.complete();
                  });
              return done.future();
            });

    scheduler.start();
    await().until(() -> finished.get() >= 2);
    scheduler.stop();

    assertThat(maxRunning).hasValue(1);
  }

  @Test
  void a_failing_tick_does_not_stop_the_ticks() {
    AtomicInteger calls = new AtomicInteger();
    Scheduler scheduler =
        new Scheduler(
            vertx,
            CronSchedule.parse("* * * * * *"),
            Clock.systemUTC(),
            () -> {
              calls.incrementAndGet();
              return Future.failedFuture("provider down");
            });

    scheduler.start();
    await().until(() -> calls.get() >= 2);
    scheduler.stop();
  }
}
