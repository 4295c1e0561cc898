package dev.paastis.provider.heroku;

import dev.paastis.app.Formation;
import dev.paastis.config.Secret;
import dev.paastis.provider.Provider;
import dev.paastis.provider.ProviderContractTest;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The Heroku provider passes the provider contract against the stateful fake Heroku API. */
class HerokuProviderContractTest extends ProviderContractTest {

  static final String TOKEN = "heroku-test-token";
  private Vertx vertx;
  private FakeHerokuApi heroku;

  @Override
  protected Provider newProvider() throws Exception {
    vertx = Vertx.vertx();
    heroku = FakeHerokuApi.start(vertx, TOKEN);
    heroku.addApp("contract-app", "eu", "http://127.0.0.1:1/", Map.of("web", 0, "worker", 0));
    return newHerokuProvider(vertx, heroku, List.of(), Clock.systemUTC());
  }

  static HerokuProvider newHerokuProvider(
      Vertx vertx, FakeHerokuApi heroku, List<String> regions, Clock clock) {
    return newHerokuProvider(vertx, heroku, regions, clock, Duration.ofSeconds(30));
  }

  static HerokuProvider newHerokuProvider(
      Vertx vertx,
      FakeHerokuApi heroku,
      List<String> regions,
      Clock clock,
      Duration operationTimeout) {
    return new HerokuProvider(
        vertx,
        new HerokuConfig(Optional.of(new Secret(TOKEN)), heroku.baseUrl(), operationTimeout),
        regions,
        Duration.ofMinutes(10),
        clock);
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
    heroku.rejectToken(true);
  }

  @Override
  protected void cleanUp() {
    heroku.close();
    vertx.close().await();
  }
}
