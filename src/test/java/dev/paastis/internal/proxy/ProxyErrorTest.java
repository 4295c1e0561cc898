package dev.paastis.internal.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paastis.provider.UnknownAppException;
import dev.paastis.testing.DomainFailures;
import java.net.ConnectException;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The one mapping of failures to what the client gets: status, Retry-After, and the app named. */
class ProxyErrorTest {

  static Stream<Arguments> failures() {
    return Stream.concat(
        DomainFailures.withStatuses(),
        Stream.of(
            Arguments.of(
                "an app its provider lost", new UnknownAppException("heroku", "shop"), 404, false),
            Arguments.of("an upstream that refuses", new ConnectException("refused"), 502, false)));
  }

  @ParameterizedTest(name = "{0} gives {2}")
  @MethodSource("failures")
  void each_failure_gets_its_status_and_retry_after_only_when_retrying_may_help(
      String what, Throwable failure, int status, boolean retryAfter) {
    ProxyError error = ProxyError.from(failure, "shop");

    assertThat(error.status()).isEqualTo(status);
    assertThat(error.retryAfterSeconds())
        .isEqualTo(retryAfter ? Optional.of(ProxyError.RETRY_AFTER_SECONDS) : Optional.empty());
    assertThat(error.app()).contains("shop");
    assertThat(error.detail()).contains("shop");
  }
}
