package dev.paastis.provider.internal;

import dev.paastis.provider.Deadline;
import java.time.Duration;
import java.util.Optional;

/**
 * How a provider API is retried: attempts, exponential backoff from {@code firstBackoff}, the
 * timeout of one call, and the longest Retry-After honoured (beyond it the call fails, so that a
 * waiting user gets an answer). A call made for a wake also has the wake's {@link Deadline}: no
 * attempt lasts past it and no retry is scheduled at or past it.
 */
public record RetryPolicy(
    int maxAttempts, Duration firstBackoff, Duration callTimeout, Duration maxRetryAfter) {

  public static RetryPolicy standard() {
    return new RetryPolicy(
        4, Duration.ofMillis(250), Duration.ofSeconds(10), Duration.ofSeconds(30));
  }

  /** How long one attempt may take: the call timeout, or the time left when that is shorter. */
  Duration attemptTimeout(Deadline deadline) {
    return deadline.bound(callTimeout);
  }

  /**
   * The wait before another attempt, or empty when the caller gets this outcome as it is: the last
   * attempt was made, the answer is not worth retrying (neither 429 nor 5xx), its Retry-After is
   * longer than we accept to wait, or the wait would end when no time is {@code left}.
   *
   * @param answer the HTTP answer of the attempt, or null when it got none (connection refused,
   *     timeout)
   */
  Optional<Duration> retryDelay(ApiResponse answer, int attempt, Duration left) {
    if (attempt >= maxAttempts || (answer != null && !isRetryable(answer))) {
      return Optional.empty();
    }
    Duration wait = answer == null ? backoff(attempt) : waitBefore(answer, attempt);
    if (wait == null || wait.compareTo(left) >= 0) {
      return Optional.empty();
    }
    return Optional.of(wait);
  }

  boolean isRetryable(ApiResponse response) {
    return response.status() == 429 || response.status() >= 500;
  }

  /**
   * The wait before retrying this response: its Retry-After for a 429 when it has a usable one, the
   * backoff otherwise; null when the Retry-After is longer than we accept to wait.
   */
  Duration waitBefore(ApiResponse response, int attempt) {
    if (response.status() != 429) {
      return backoff(attempt);
    }
    String retryAfter = response.headers().get("retry-after");
    if (retryAfter == null) {
      return backoff(attempt);
    }
    try {
      Duration wait = Duration.ofSeconds(Long.parseLong(retryAfter.trim()));
      return wait.compareTo(maxRetryAfter) <= 0 ? wait : null;
    } catch (NumberFormatException httpDate) {
      return backoff(attempt);
    }
  }

  Duration backoff(int attempt) {
    return firstBackoff.multipliedBy(1L << Math.min(attempt - 1, 6));
  }
}
