package dev.paastis.provider.heroku;

import dev.paastis.Paastis;
import dev.paastis.provider.Providers;
import dev.paastis.testing.MutableClock;
import dev.paastis.testing.TestConfigs;
import dev.paastis.testing.TestUpstream;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.PoolOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the end-to-end tests with the Heroku provider stand on: the fake Heroku API, a real
 * upstream, a client, a clock the test moves, and the Paastis instances they start (stopped at
 * {@link #close}).
 */
final class HerokuStage implements AutoCloseable {

  final Vertx vertx = Vertx.vertx();
  final MutableClock clock = new MutableClock();
  final HttpClient client = vertx.createHttpClient(new PoolOptions().setHttp1MaxSize(100));
  final FakeHerokuApi heroku;
  final TestUpstream upstream;
  private final List<Paastis> instances = new ArrayList<>();

  HerokuStage() throws Exception {
    heroku = FakeHerokuApi.start(vertx, HerokuProviderContractTest.TOKEN);
    upstream = TestUpstream.start(vertx);
  }

  /** The upstream's URL, as Heroku gives an app's {@code web_url}. */
  String webUrl() {
    return upstream.uri() + "/";
  }

  /**
   * Starts a Paastis with the Heroku provider against the fake API (5 minutes of idle time, then
   * what {@code customize} sets), on this stage's clock.
   */
  Paastis startPaastis(Consumer<TestConfigs> customize) {
    TestConfigs configs = new TestConfigs();
    configs.providers = List.of("heroku");
    configs.maxIdleTime = Duration.ofMinutes(5);
    customize.accept(configs);
    HerokuProvider provider =
        HerokuProviderContractTest.newHerokuProvider(vertx, heroku, List.of(), clock);
    Paastis paastis =
        Paastis.create(configs.build(), vertx, new Providers(List.of(provider)), clock);
    instances.add(paastis); // stopped at close, even when its start fails
    paastis.start().await();
    return paastis;
  }

  @Override
  public void close() {
    instances.forEach(paastis -> paastis.stop().await());
    heroku.close();
    vertx.close().await();
  }
}
