package dev.paastis.provider.render;

import dev.paastis.app.Formation;
import dev.paastis.provider.Provider;
import dev.paastis.provider.ProviderContractTest;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.Optional;

/**
 * The Render provider passes the provider contract against the stateful fake Render API, listing
 * two services a page so that paging is on the way of every listing.
 */
class RenderProviderContractTest extends ProviderContractTest {

  private Vertx vertx;
  private FakeRenderApi render;

  @Override
  protected Provider newProvider() {
    vertx = Vertx.vertx();
    render = FakeRenderApi.start(vertx, RenderTesting.KEY);
    render.addService("first", "https://first.onrender.com", false);
    render.addService("contract-app", "https://contract-app.onrender.com", true);
    render.addService("last", "https://last.onrender.com", true);
    return RenderTesting.provider(vertx, render, Optional.empty(), 2);
  }

  @Override
  protected String stoppedApp() {
    return "contract-app";
  }

  /** Render brings back its own instance count: one, in the fake. */
  @Override
  protected Formation formation() {
    return Formation.of(Map.of("web", 1));
  }

  @Override
  protected void breakTheProvider() {
    render.failNext(20, 500);
  }

  @Override
  protected void cleanUp() {
    render.close();
    vertx.close().await();
  }
}
