package dev.paastis.provider;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.Iterator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Runs one task per item, a few at a time, while a condition holds. A provider reading many apps at
 * once (the first listing of a large account), or the scheduler stopping many idle apps, then
 * neither opens more requests than a connection pool serves (the others would wait there past their
 * timeout, and be retried) nor spends the rate-limit tokens that wakes need ({@link CallBudget}):
 * the items not started when the condition fails are left for a later run. Tasks may complete on
 * any thread, or at once.
 *
 * @param <T> an item
 */
public final class FewAtATime<T> {

  private final Iterator<T> items;
  private final BooleanSupplier goOn;
  private final Function<T, Future<?>> task;
  private final Promise<Integer> done = Promise.promise();

  /** Guarded by {@code this}. */
  private int workers;

  /** Guarded by {@code this}. */
  private int started;

  private FewAtATime(List<T> items, BooleanSupplier goOn, Function<T, Future<?>> task) {
    this.items = items.iterator();
    this.goOn = goOn;
    this.task = task;
  }

  /**
   * Starts {@code task} on the items in order, at most {@code atOnce} unfinished at a time, each
   * start only while {@code goOn} holds. Completes with how many were started, once all of those
   * are over; never fails (a task reports its own failure).
   */
  public static <T> Future<Integer> forEach(
      List<T> items, int atOnce, BooleanSupplier goOn, Function<T, Future<?>> task) {
    if (atOnce < 1) {
      throw new IllegalArgumentException("atOnce must be at least 1, got " + atOnce);
    }
    FewAtATime<T> run = new FewAtATime<>(items, goOn, task);
    int workers = Math.max(1, Math.min(atOnce, items.size()));
    synchronized (run) {
      run.workers = workers;
    }
    for (int i = 0; i < workers; i++) {
      run.work();
    }
    return run.done.future();
  }

  /**
   * One worker: takes the next item and runs its task, in a loop while tasks complete at once, so
   * that a long list of immediate answers never deepens the stack.
   */
  private void work() {
    while (true) {
      T item = next();
      if (item == null) {
        return;
      }
      Future<?> running;
      try {
        running = task.apply(item);
      } catch (RuntimeException e) {
        running = Future.failedFuture(e);
      }
      if (!running.isComplete()) {
        running.onComplete(ignored -> work());
        return;
      }
    }
  }

  /** The next item to start, or null when this worker is over (the last one completes the run). */
  private T next() {
    int total;
    synchronized (this) {
      if (items.hasNext() && goOn.getAsBoolean()) {
        started++;
        return items.next();
      }
      if (--workers > 0) {
        return null;
      }
      total = started;
    }
    done.complete(total);
    return null;
  }
}
