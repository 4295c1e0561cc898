package dev.paastis.internal.lifecycle;

import dev.paastis.provider.Deadline;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.function.Supplier;

/**
 * Ends a wait at its deadline whatever the work behind it is still doing (a hung API call, a stop
 * under way, a slow hook): the returned future fails then, on a Vert.x timer thread, and the work's
 * late outcome is dropped. The work itself must make sure a late outcome changes nothing that
 * matters.
 */
final class DeadlineTimer {

  private final Vertx vertx;

  DeadlineTimer(Vertx vertx) {
    this.vertx = vertx;
  }

  <T> Future<T> bound(Future<T> work, Deadline deadline, Supplier<RuntimeException> timeout) {
    if (deadline.isNone() || work.isComplete()) {
      return work;
    }
    Promise<T> bounded = Promise.promise();
    long timer =
        vertx.setTimer(
            Math.max(1, deadline.left().toMillis()), id -> bounded.tryFail(timeout.get()));
    work.onComplete(
        done -> {
          vertx.cancelTimer(timer);
          if (done.succeeded()) {
            bounded.tryComplete(done.result());
          } else {
            bounded.tryFail(done.cause());
          }
        });
    return bounded.future();
  }
}
