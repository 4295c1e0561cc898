package dev.paastis.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** How many tasks run at once, which items are started, and when the run is over. */
class FewAtATimeTest {

  private final List<Promise<Void>> pending = new ArrayList<>();
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicInteger mostAtOnce = new AtomicInteger();

  private Future<?> held(Integer item) {
    mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
    Promise<Void> promise = Promise.promise();
    pending.add(promise);
    return promise.future().andThen(done -> running.decrementAndGet());
  }

  /** Completes the oldest pending task, as an answer coming back would. */
  private void answerOne() {
    pending.remove(0).complete();
  }

  @Test
  void never_more_than_at_once_tasks_run_and_every_item_is_run() {
    List<Integer> items = IntStream.range(0, 100).boxed().toList();

    Future<Integer> run = FewAtATime.forEach(items, 4, () -> true, this::held);
    assertThat(pending).hasSize(4);
    while (!pending.isEmpty()) {
      answerOne();
    }

    assertThat(run.await()).isEqualTo(100);
    assertThat(mostAtOnce).hasValue(4);
  }

  @Test
  void no_item_starts_once_the_condition_fails_and_the_run_ends_with_those_started() {
    List<Integer> items = IntStream.range(0, 100).boxed().toList();
    AtomicInteger budget = new AtomicInteger(10);

    Future<Integer> run =
        FewAtATime.forEach(
            items,
            3,
            () -> budget.get() > 0,
            item -> {
              budget.decrementAndGet();
              return held(item);
            });
    while (!pending.isEmpty()) {
      answerOne();
    }

    assertThat(run.await()).isEqualTo(10);
  }

  @Test
  void failed_tasks_and_tasks_that_throw_do_not_stop_the_others() {
    List<Integer> items = IntStream.range(0, 10).boxed().toList();
    AtomicInteger calls = new AtomicInteger();

    Future<Integer> run =
        FewAtATime.forEach(
            items,
            2,
            () -> true,
            item -> {
              calls.incrementAndGet();
              if (item % 2 == 0) {
                throw new IllegalStateException("bug");
              }
              return Future.failedFuture("provider down");
            });

    assertThat(run.await()).isEqualTo(10);
    assertThat(calls).hasValue(10);
  }

  @Test
  void a_hundred_thousand_tasks_done_at_once_do_not_deepen_the_stack() {
    List<Integer> items = IntStream.range(0, 100_000).boxed().toList();

    Future<Integer> run = FewAtATime.forEach(items, 4, () -> true, Future::succeededFuture);

    assertThat(run.await()).isEqualTo(100_000);
  }

  @Test
  void no_item_is_a_run_over_at_once_and_at_once_must_be_positive() {
    assertThat(FewAtATime.forEach(List.of(), 4, () -> true, this::held).await()).isZero();
    assertThatThrownBy(() -> FewAtATime.forEach(List.of(1), 0, () -> true, this::held))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
