package dev.paastis.provider.scalingo;

import dev.paastis.bench.RoutedBenchPlatform;
import dev.paastis.provider.Provider;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The fake Scalingo API and router, one stopped app whose web container boots in the given time
 * (the scale operation ends when it runs).
 */
public final class ScalingoBenchPlatform extends RoutedBenchPlatform {

  private static final String REGION = "osc-fr1";

  private final FakeScalingoApi scalingo;

  private ScalingoBenchPlatform(FakeScalingoApi scalingo) {
    super(
        scalingo.addRoutedApp(REGION, "bench", Map.of("web", 0)),
        scalingo.calls(),
        "bench",
        "bench");
    this.scalingo = scalingo;
  }

  public static ScalingoBenchPlatform start(Vertx vertx, Duration boot) {
    FakeScalingoApi scalingo = FakeScalingoApi.start(vertx, ScalingoTesting.TOKEN, List.of(REGION));
    scalingo.setOperationDelay(boot);
    return new ScalingoBenchPlatform(scalingo);
  }

  @Override
  public String name() {
    return ScalingoProvider.NAME;
  }

  @Override
  public Provider provider(Vertx paastisVertx) {
    return ScalingoTesting.provider(paastisVertx, scalingo, List.of(REGION));
  }

  @Override
  public void close() {
    scalingo.close();
  }
}
