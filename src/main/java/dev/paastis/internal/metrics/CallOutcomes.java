package dev.paastis.internal.metrics;

import io.vertx.core.Future;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The one counting wrapper of the {@code Metered*} decorators: each decorator names its operations
 * and passes their futures through {@link #counted}; how each call ended goes to one {@link
 * Report}. The results pass through unchanged.
 */
final class CallOutcomes {

  /** Where an ended call is reported, on the thread that completed its future. */
  @FunctionalInterface
  interface Report {
    void ended(String operation, boolean succeeded);
  }

  private final Report report;
  private final Predicate<Throwable> isAnswer;

  /**
   * {@code isAnswer} tells the failures that are answers rather than errors (an app the provider
   * does not know): they count as successes.
   */
  CallOutcomes(Report report, Predicate<Throwable> isAnswer) {
    this.report = report;
    this.isAnswer = isAnswer;
  }

  /** Only failures are reported. */
  static CallOutcomes failures(Consumer<String> failed) {
    return new CallOutcomes(
        (operation, succeeded) -> {
          if (!succeeded) {
            failed.accept(operation);
          }
        },
        failure -> false);
  }

  <T> Future<T> counted(String operation, Future<T> call) {
    return call.onComplete(
        result -> report.ended(operation, result.succeeded() || isAnswer.test(result.cause())));
  }
}
