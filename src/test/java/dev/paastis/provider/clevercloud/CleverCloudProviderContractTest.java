package dev.paastis.provider.clevercloud;

import dev.paastis.app.Formation;
import dev.paastis.provider.Provider;
import dev.paastis.provider.ProviderContractTest;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;

/** The Clever Cloud provider passes the provider contract against the stateful fake API. */
class CleverCloudProviderContractTest extends ProviderContractTest {

  private Vertx vertx;
  private FakeCleverApi clever;
  private String app;

  @Override
  protected Provider newProvider() {
    vertx = Vertx.vertx();
    clever = CleverTesting.fake(vertx);
    app = clever.addUserApp("contract", "par", List.of(), false);
    return CleverTesting.provider(vertx, clever, "PLAINTEXT", List.of(), List.of());
  }

  @Override
  protected String stoppedApp() {
    return app;
  }

  @Override
  protected Formation formation() {
    return Formation.of(Map.of("web", 1));
  }

  @Override
  protected void breakTheProvider() {
    clever.failNext(20, 500);
  }

  @Override
  protected void cleanUp() {
    clever.close();
    vertx.close().await();
  }
}
