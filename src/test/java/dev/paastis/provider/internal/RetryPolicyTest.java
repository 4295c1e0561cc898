package dev.paastis.provider.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paastis.provider.Deadline;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which outcomes are retried, after how long, and never past a wake's deadline. */
class RetryPolicyTest {

  private final RetryPolicy policy = RetryPolicy.standard();

  private static ApiResponse answer(int status, String retryAfter) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    if (retryAfter != null) {
      headers.set("Retry-After", retryAfter);
    }
    return new ApiResponse(status, headers, Buffer.buffer());
  }

  @Test
  void an_attempt_without_deadline_gets_the_whole_call_timeout() {
    assertThat(policy.attemptTimeout(Deadline.none())).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void an_attempt_gets_only_the_time_left_when_the_deadline_is_nearer() {
    Duration timeout = policy.attemptTimeout(Deadline.in(Duration.ofSeconds(2)));

    assertThat(timeout).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void an_attempt_after_the_deadline_gets_no_time_at_all() {
    Deadline passed = Deadline.after(System.nanoTime() - 5_000_000_000L, Duration.ofSeconds(2));

    assertThat(policy.attemptTimeout(passed)).isZero();
  }

  @ParameterizedTest(name = "answer {0} (Retry-After {1}) at attempt {2} with {3} ms left: {4}")
  @CsvSource(
      nullValues = "none",
      value = {
        "500, none, 1, 60000, PT0.25S",
        "503, none, 2, 60000, PT0.5S",
        "500, none, 4, 60000, none",
        "500, none, 1, 200, none",
        "500, none, 2, 500, none",
        "429, 5, 1, 60000, PT5S",
        "429, 5, 1, 2000, none",
        "429, 60, 1, 600000, none",
        "429, none, 1, 60000, PT0.25S",
        "404, none, 1, 60000, none",
        "401, none, 1, 60000, none",
        "200, none, 1, 60000, none",
      })
  void a_retry_is_scheduled_only_for_5xx_and_429_within_the_attempts_and_the_deadline(
      int status, String retryAfter, int attempt, long leftMillis, Duration expected) {
    Optional<Duration> delay =
        policy.retryDelay(answer(status, retryAfter), attempt, Duration.ofMillis(leftMillis));

    assertThat(delay).isEqualTo(Optional.ofNullable(expected));
  }

  @Test
  void a_call_without_answer_is_retried_after_the_backoff_while_time_is_left() {
    assertThat(policy.retryDelay(null, 1, Duration.ofSeconds(60))).contains(Duration.ofMillis(250));
    assertThat(policy.retryDelay(null, 3, Duration.ofSeconds(60))).contains(Duration.ofSeconds(1));
  }

  @Test
  void a_call_without_answer_is_not_retried_past_the_deadline_nor_after_the_last_attempt() {
    assertThat(policy.retryDelay(null, 1, Duration.ofMillis(250))).isEmpty();
    assertThat(policy.retryDelay(null, 1, Duration.ZERO)).isEmpty();
    assertThat(policy.retryDelay(null, 4, Duration.ofSeconds(60))).isEmpty();
  }
}
