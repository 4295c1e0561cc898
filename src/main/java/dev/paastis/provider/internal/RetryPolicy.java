package dev.paastis.provider.internal;

import java.time.Duration;

/**
 * How a provider API is retried: attempts, exponential backoff from {@code firstBackoff}, the
 * timeout of one call, and the longest Retry-After honoured (beyond it the call fails, so that a
 * waiting user gets an answer).
 */
public record RetryPolicy(
    int maxAttempts, Duration firstBackoff, Duration callTimeout, Duration maxRetryAfter) {

  public static RetryPolicy standard() {
    return new RetryPolicy(
        4, Duration.ofMillis(250), Duration.ofSeconds(10), Duration.ofSeconds(30));
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
