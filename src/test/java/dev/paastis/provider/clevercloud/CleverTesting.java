package dev.paastis.provider.clevercloud;

import dev.paastis.config.Secret;
import dev.paastis.testing.MutableClock;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Builds providers that talk to a {@link FakeCleverApi} over plain HTTP. */
final class CleverTesting {

  static final String CONSUMER_KEY = "consumer-key";
  static final String CONSUMER_SECRET = "consumer secret&more";
  static final String TOKEN = "user-token";
  static final String TOKEN_SECRET = "token/secret";
  static final Duration RECONCILE_INTERVAL = Duration.ofMinutes(10);
  static final Duration OPERATION_TIMEOUT = Duration.ofSeconds(60);

  private CleverTesting() {}

  static FakeCleverApi fake(Vertx vertx) {
    return FakeCleverApi.start(vertx, CONSUMER_KEY, CONSUMER_SECRET, TOKEN, TOKEN_SECRET);
  }

  static CleverCloudProvider provider(
      Vertx vertx,
      FakeCleverApi clever,
      String signature,
      List<String> organisations,
      List<String> zones) {
    return provider(vertx, clever, signature, organisations, zones, TOKEN_SECRET);
  }

  static CleverCloudProvider provider(
      Vertx vertx,
      FakeCleverApi clever,
      String signature,
      List<String> organisations,
      List<String> zones,
      String tokenSecret) {
    return provider(
        vertx,
        clever,
        signature,
        organisations,
        zones,
        tokenSecret,
        new MutableClock(),
        OPERATION_TIMEOUT);
  }

  /** A provider whose reconcile deadlines follow {@code clock}. */
  static CleverCloudProvider provider(Vertx vertx, FakeCleverApi clever, Clock clock) {
    return provider(
        vertx, clever, "PLAINTEXT", List.of(), List.of(), TOKEN_SECRET, clock, OPERATION_TIMEOUT);
  }

  /** A provider that gives up a wake after {@code operationTimeout}. */
  static CleverCloudProvider provider(
      Vertx vertx, FakeCleverApi clever, Duration operationTimeout) {
    return provider(
        vertx,
        clever,
        "PLAINTEXT",
        List.of(),
        List.of(),
        TOKEN_SECRET,
        new MutableClock(),
        operationTimeout);
  }

  private static CleverCloudProvider provider(
      Vertx vertx,
      FakeCleverApi clever,
      String signature,
      List<String> organisations,
      List<String> zones,
      String tokenSecret,
      Clock clock,
      Duration operationTimeout) {
    CleverConfig config =
        new CleverConfig(
            Optional.of(new Secret(CONSUMER_KEY)),
            Optional.of(new Secret(CONSUMER_SECRET)),
            Optional.of(new Secret(TOKEN)),
            Optional.of(new Secret(tokenSecret)),
            clever.baseUrl(),
            signature,
            organisations,
            operationTimeout);
    return new CleverCloudProvider(vertx, config, zones, RECONCILE_INTERVAL, clock, "http");
  }
}
