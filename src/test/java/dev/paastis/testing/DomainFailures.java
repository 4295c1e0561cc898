package dev.paastis.testing;

import dev.paastis.internal.lifecycle.AppNotFoundException;
import dev.paastis.internal.lifecycle.NotProxiableException;
import dev.paastis.internal.lifecycle.StartFailedException;
import dev.paastis.internal.lifecycle.WakeTimeoutException;
import dev.paastis.provider.CredentialsRejectedException;
import dev.paastis.provider.ProviderException;
import dev.paastis.registry.RegistryUnavailableException;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The domain failures with the status both edges (proxy and admin) must give them, from the one
 * table: (what, failure, status, whether Retry-After is sent). Each edge's test adds its own.
 */
public final class DomainFailures {

  private DomainFailures() {}

  public static Stream<Arguments> withStatuses() {
    return Stream.of(
        Arguments.of("an app no provider knows", new AppNotFoundException("shop"), 404, false),
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
            "a provider API fault",
            new ProviderException("heroku", "Heroku answered 500 to GET /apps/shop: boom"),
            503,
            true),
        Arguments.of(
            "credentials the provider rejects",
            new CredentialsRejectedException("heroku", "PROVIDER_HEROKU_API_TOKEN was rejected"),
            502,
            false),
        Arguments.of(
            "a shared registry that cannot be reached",
            new RegistryUnavailableException("Redis could not be reached: refused", null),
            503,
            true),
        Arguments.of("an app without web URL", new NotProxiableException("shop"), 502, false));
  }
}
