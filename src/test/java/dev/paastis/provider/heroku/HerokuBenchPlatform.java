package dev.paastis.provider.heroku;

import dev.paastis.bench.RoutedBenchPlatform;
import dev.paastis.provider.Provider;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The fake Heroku API and router, one stopped app whose web dyno boots in the given time. */
public final class HerokuBenchPlatform extends RoutedBenchPlatform {

  private final FakeHerokuApi heroku;

  private HerokuBenchPlatform(FakeHerokuApi heroku) {
    super(heroku.addRoutedApp("bench", "eu", Map.of("web", 0)), heroku.calls(), "bench", "bench");
    this.heroku = heroku;
  }

  public static HerokuBenchPlatform start(Vertx vertx, Duration boot) {
    FakeHerokuApi heroku = FakeHerokuApi.start(vertx, HerokuProviderContractTest.TOKEN);
    heroku.setBootDelay(boot);
    return new HerokuBenchPlatform(heroku);
  }

  @Override
  public String name() {
    return HerokuProvider.NAME;
  }

  @Override
  public Provider provider(Vertx paastisVertx) {
    return HerokuProviderContractTest.newHerokuProvider(
        paastisVertx, heroku, List.of(), Clock.systemUTC());
  }

  @Override
  public void close() {
    heroku.close();
  }
}
