package dev.paastis.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paastis.lifecycle.AppNotFoundException;
import dev.paastis.lifecycle.NotProxiableException;
import dev.paastis.lifecycle.StartFailedException;
import dev.paastis.lifecycle.WakeTimeoutException;
import dev.paastis.provider.CredentialsRejectedException;
import dev.paastis.provider.ProviderException;
import dev.paastis.provider.UnknownAppException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The one mapping of failures to what the client gets: status, Retry-After, and the app named. */
class ProxyErrorTest {

  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of("an app no provider knows", new AppNotFoundException("shop"), 404, false),
        Arguments.of(
            "an app its provider lost", new UnknownAppException("heroku", "shop"), 404, false),
        Arguments.of(
            "an app not ready in time",
            new WakeTimeoutException("shop", Duration.ofSeconds(8), "waiting for it to answer"),
            503,
            true),
        Arguments.of(
            "a start the provider failed",
            new StartFailedException("shop", "Heroku answered 503 to PATCH", null),
            503,
            true),
        Arguments.of(
            "a lookup the provider API could not answer",
            new ProviderException("heroku", "Heroku answered 500 to GET /apps/shop: boom"),
            503,
            true),
        Arguments.of(
            "credentials the provider rejects",
            new CredentialsRejectedException("heroku", "PROVIDER_HEROKU_API_TOKEN was rejected"),
            502,
            false),
        Arguments.of("an app without web URL", new NotProxiableException("shop"), 502, false),
        Arguments.of("an upstream that refuses", new ConnectException("refused"), 502, false));
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
