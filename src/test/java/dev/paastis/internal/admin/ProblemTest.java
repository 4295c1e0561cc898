package dev.paastis.internal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paastis.testing.DomainFailures;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Admin's problems give a failure the status the proxy gives it, and no exception text in a 500.
 */
class ProblemTest {

  static Stream<Arguments> failures() {
    return Stream.concat(
        DomainFailures.withStatuses(),
        Stream.of(
            Arguments.of(
                "a filter it cannot read", new BadRequestException("bad limit"), 400, false)));
  }

  @ParameterizedTest(name = "{0} gives {2}")
  @MethodSource("failures")
  void each_failure_gets_the_status_of_the_one_table(
      String what, Throwable failure, int status, boolean retryAfter) {
    Problem problem = Problem.of(failure);

    assertThat(problem.status()).isEqualTo(status);
    assertThat(problem.retryAfterSeconds().isPresent()).isEqualTo(retryAfter);
    assertThat(problem.detail()).isEqualTo(failure.getMessage());
  }

  @Test
  void an_unexpected_failure_is_a_500_that_gives_a_log_id_and_not_the_exception_text() {
    Problem problem = Problem.of(new IllegalStateException("secret internals at Foo.java:12"));

    assertThat(problem.status()).isEqualTo(500);
    assertThat(problem.retryAfterSeconds()).isEqualTo(Optional.empty());
    assertThat(problem.detail())
        .matches("internal error; see the log, id [0-9a-f]{8}")
        .doesNotContain("secret")
        .doesNotContain("IllegalStateException");
  }
}
