package dev.paastis.provider.heroku;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paastis.Paastis;
import dev.paastis.testing.TestHttp;
import dev.paastis.testing.TestRedis;
import dev.paastis.testing.TestUpstream;
import io.vertx.core.http.HttpClient;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Paastis on a Redis that goes away and comes back: it keeps serving, decides nothing blind. */
class RedisOutageEndToEndTest {

  private final TestRedis redis = TestRedis.ownServer();
  private HerokuStage stage;
  private HttpClient client;
  private FakeHerokuApi heroku;
  private TestUpstream upstream;
  private Paastis paastis;

  @BeforeEach
  void setUp() throws Exception {
    stage = new HerokuStage();
    client = stage.client;
    heroku = stage.heroku;
    upstream = stage.upstream;
  }

  @AfterEach
  void tearDown() {
    stage.close();
    redis.close();
  }

  private void startPaastis() {
    paastis =
        stage.startPaastis(
            configs -> {
              configs.redisUrl = Optional.of(redis.url());
              configs.adminToken = Optional.of("admin-token");
            });
  }

  private int get(String app) throws Exception {
    return TestHttp.get(client, paastis.port(), app + ".proxy.test", "/").status();
  }

  private JsonObject readiness() throws Exception {
    return TestHttp.get(client, paastis.adminPort(), "localhost", "/health/ready").json();
  }

  @Test
  void while_redis_is_down_running_apps_are_served_wakes_get_503_and_nothing_is_stopped()
      throws Exception {
    heroku.addApp("shop", "eu", upstream.uri() + "/", Map.of("web", 1));
    heroku.addApp("sleepy", "eu", upstream.uri() + "/", Map.of("web", 0));
    startPaastis();

    redis.stop();
    assertThat(get("shop")).isEqualTo(200);
    TestHttp.Response wake = TestHttp.get(client, paastis.port(), "sleepy.proxy.test", "/");
    assertThat(wake.status()).isEqualTo(503);
    assertThat(wake.headers().get("Retry-After")).isEqualTo("5");
    assertThat(readiness().getJsonObject("checks").getJsonObject("registry").getString("status"))
        .isEqualTo("DOWN");
    stage.clock.advance(Duration.ofMinutes(6));
    paastis.tick().await();
    assertThat(heroku.formationOf("shop")).containsEntry("web", 1);
    assertThat(heroku.formationOf("sleepy")).containsEntry("web", 0);

    redis.start();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                "UP"
                    .equals(
                        readiness()
                            .getJsonObject("checks")
                            .getJsonObject("registry")
                            .getString("status")));
    assertThat(get("sleepy")).isEqualTo(200);
  }

  @Test
  void a_paastis_started_while_redis_is_down_serves_the_apps_that_run() throws Exception {
    heroku.addApp("shop", "eu", upstream.uri() + "/", Map.of("web", 1));
    redis.stop();

    startPaastis();

    assertThat(get("shop")).isEqualTo(200);
  }
}
