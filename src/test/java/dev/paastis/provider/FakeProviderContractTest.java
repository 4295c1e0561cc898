package dev.paastis.provider;

import dev.paastis.app.Formation;
import dev.paastis.testing.FakeProvider;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** The in-process fake used by the proxy tests keeps the same contract as real providers. */
class FakeProviderContractTest extends ProviderContractTest {

  private Vertx vertx;
  private FakeProvider fake;

  @Override
  protected Provider newProvider() {
    vertx = Vertx.vertx();
    fake = new FakeProvider(vertx, "fake", Duration.ofSeconds(5));
    fake.withStoppedApp("shop", URI.create("http://127.0.0.1:1"));
    return fake;
  }

  @Override
  protected String stoppedApp() {
    return "shop";
  }

  @Override
  protected Formation formation() {
    return Formation.of(Map.of("web", 2, "worker", 1));
  }

  @Override
  protected void breakTheProvider() {
    fake.setBroken(true);
  }

  @Override
  protected void cleanUp() {
    vertx.close().await();
  }
}
