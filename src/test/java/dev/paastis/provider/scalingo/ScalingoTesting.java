package dev.paastis.provider.scalingo;

import dev.paastis.config.Secret;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Builds providers that talk to a {@link FakeScalingoApi}. */
final class ScalingoTesting {

  static final String TOKEN = "tk-us-test-token";

  private ScalingoTesting() {}

  static ScalingoProvider provider(Vertx vertx, FakeScalingoApi scalingo, List<String> regions) {
    return provider(vertx, scalingo, regions, Duration.ofSeconds(30));
  }

  static ScalingoProvider provider(
      Vertx vertx, FakeScalingoApi scalingo, List<String> regions, Duration operationTimeout) {
    String template = scalingo.apiUrl("REGION").toString().replace("REGION", "{region}");
    return new ScalingoProvider(
        vertx,
        new ScalingoConfig(
            Optional.of(new Secret(TOKEN)),
            regions,
            template,
            scalingo.authUrl(),
            operationTimeout),
        Clock.systemUTC());
  }
}
