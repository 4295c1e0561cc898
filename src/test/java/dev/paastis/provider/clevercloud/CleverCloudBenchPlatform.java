package dev.paastis.provider.clevercloud;

import dev.paastis.bench.RoutedBenchPlatform;
import dev.paastis.provider.Provider;
import dev.paastis.testing.FakeRouter;
import io.vertx.core.Vertx;
import java.time.Duration;

/**
 * The fake Clever Cloud API and front, one stopped app whose instance deploys in the given time.
 * Its Host label is {@code app-<uuid>}: the provider's host rule maps it to the id {@code
 * app_<uuid>}.
 */
public final class CleverCloudBenchPlatform extends RoutedBenchPlatform {

  private final FakeCleverApi clever;

  private CleverCloudBenchPlatform(FakeCleverApi clever, FakeRouter router) {
    super(router, clever.calls(), clever.idOf(router), clever.idOf(router).replace('_', '-'));
    this.clever = clever;
  }

  public static CleverCloudBenchPlatform start(Vertx vertx, Duration boot) {
    FakeCleverApi clever = CleverTesting.fake(vertx);
    clever.setDeployDelay(boot);
    return new CleverCloudBenchPlatform(clever, clever.addRoutedUserApp("bench", "par", false));
  }

  @Override
  public String name() {
    return CleverCloudProvider.NAME;
  }

  @Override
  public Provider provider(Vertx paastisVertx) {
    return CleverTesting.provider(paastisVertx, clever, CleverTesting.OPERATION_TIMEOUT);
  }

  @Override
  public void close() {
    clever.close();
  }
}
