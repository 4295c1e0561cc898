package dev.paastis.provider.scalingo;

import dev.paastis.app.Formation;
import dev.paastis.provider.Provider;
import dev.paastis.provider.ProviderContractTest;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;

/** The Scalingo provider passes the provider contract against the stateful fake Scalingo API. */
class ScalingoProviderContractTest extends ProviderContractTest {

  private Vertx vertx;
  private FakeScalingoApi scalingo;

  @Override
  protected Provider newProvider() {
    vertx = Vertx.vertx();
    scalingo = FakeScalingoApi.start(vertx, ScalingoTesting.TOKEN, List.of("osc-fr1"));
    scalingo.addApp("osc-fr1", "contract-app", "http://127.0.0.1:1", Map.of("web", 0, "worker", 0));
    return ScalingoTesting.provider(vertx, scalingo, List.of("osc-fr1"));
  }

  @Override
  protected String stoppedApp() {
    return "contract-app";
  }

  @Override
  protected Formation formation() {
    return Formation.of(Map.of("web", 2, "worker", 1));
  }

  @Override
  protected void breakTheProvider() {
    scalingo.failNext(20, 500);
  }

  @Override
  protected void cleanUp() {
    scalingo.close();
    vertx.close().await();
  }
}
