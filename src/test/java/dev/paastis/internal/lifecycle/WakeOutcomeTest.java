package dev.paastis.internal.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paastis.provider.ProviderException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class WakeOutcomeTest {

  @Test
  void a_wake_ended_by_its_own_deadline_is_a_timeout() {
    assertThat(WakeOutcome.of(new WakeTimeoutException("shop", Duration.ofSeconds(8))))
        .isEqualTo(WakeOutcome.TIMEOUT);
  }

  @Test
  void a_wake_ended_by_an_api_call_that_reached_the_deadline_is_a_timeout_too() {
    ProviderException noAnswer =
        new ProviderException(
            "heroku", "Heroku API unreachable", new TimeoutException("no answer within 7999 ms"));

    assertThat(WakeOutcome.of(new StartFailedException("shop", noAnswer.getMessage(), noAnswer)))
        .isEqualTo(WakeOutcome.TIMEOUT);
  }

  @Test
  void a_wake_the_provider_answered_with_an_error_is_a_failure() {
    ProviderException answered = new ProviderException("heroku", "Heroku answered 503");

    assertThat(WakeOutcome.of(new StartFailedException("shop", answered.getMessage(), answered)))
        .isEqualTo(WakeOutcome.FAILED);
  }
}
