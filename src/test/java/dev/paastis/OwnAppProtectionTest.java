package dev.paastis;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.paastis.app.AppState;
import dev.paastis.config.PaastisConfig;
import dev.paastis.internal.lifecycle.IgnoredApps;
import dev.paastis.internal.lifecycle.StopReason;
import dev.paastis.provider.Providers;
import dev.paastis.testing.FakeProvider;
import dev.paastis.testing.MutableClock;
import dev.paastis.testing.TestHttp;
import dev.paastis.testing.TestHttp.Response;
import dev.paastis.testing.TestUpstream;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Paastis running as an app of the account it manages: the variables its platform sets name that
 * app, which a listing then shows among the others. It is never registered nor stopped, even idle
 * for long, and the log says so once.
 */
class OwnAppProtectionTest {

  private static final String CLEVER_APP = "app_649a93d1-6677-44bc-aca7-6f46107d6e02";

  @TempDir Path dir;
  private Vertx vertx;
  private TestUpstream upstream;
  private FakeProvider provider;
  private MutableClock clock;
  private Paastis paastis;
  private Logger logger;
  private ListAppender<ILoggingEvent> appender;

  /** A platform: its provider's name and variables, and the key of the app Paastis runs as. */
  record Platform(String provider, Map<String, String> env, String ownApp) {
    @Override
    public String toString() {
      return provider;
    }
  }

  static List<Platform> platforms() {
    return List.of(
        new Platform(
            "heroku",
            Map.of(
                "PROVIDER_HEROKU_API_TOKEN", "token",
                "HEROKU_APP_NAME", "my-paastis",
                "DYNO", "web.1"),
            "my-paastis"),
        new Platform(
            "scalingo",
            Map.of(
                "PROVIDER_SCALINGO_API_TOKEN", "tk-us-token",
                "APP", "my-paastis",
                "CONTAINER", "web-1"),
            "my-paastis"),
        new Platform(
            "clever-cloud",
            Map.of(
                "PROVIDER_CLEVER_OAUTH_CONSUMER_KEY", "ck",
                "PROVIDER_CLEVER_OAUTH_CONSUMER_SECRET", "cs",
                "PROVIDER_CLEVER_TOKEN", "t",
                "PROVIDER_CLEVER_SECRET", "s",
                "APP_ID", CLEVER_APP,
                "INSTANCE_ID", "518c8d8f-e304-4310-81e0-9c4237d55645"),
            CLEVER_APP));
  }

  @BeforeEach
  void setUp() throws Exception {
    vertx = Vertx.vertx();
    upstream = TestUpstream.start(vertx);
    clock = new MutableClock();
    logger = (Logger) org.slf4j.LoggerFactory.getLogger(IgnoredApps.class);
    appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
  }

  @AfterEach
  void tearDown() {
    logger.detachAppender(appender);
    if (paastis != null) {
      paastis.stop().await();
    }
    vertx.close().await();
  }

  /** Paastis configured as on the platform, its provider replaced by a fake of the same name. */
  private void start(Platform platform) {
    Map<String, String> env = new HashMap<>(platform.env());
    env.put("PROVIDER_NAME", platform.provider());
    env.put("HOST", "127.0.0.1");
    env.put("PORT", "0");
    env.put("START_AND_STOP_CHECKING_INTERVAL_CRON", "0 0 1 1 *");
    env.put("START_AND_STOP_MAX_IDLE_TIME", "1m");
    PaastisConfig config = ProviderChoice.configLoader(env, dir).load(Map.of());
    provider = new FakeProvider(vertx, platform.provider(), Duration.ofSeconds(5));
    provider.withRunningApp(platform.ownApp(), upstream.uri());
    provider.withRunningApp("review-app", upstream.uri());
    paastis = Paastis.create(config, vertx, new Providers(List.of(provider)), clock);
    paastis.start().await();
  }

  private long ownAppLogLines() {
    return appender.list.stream()
        .filter(event -> event.getFormattedMessage().contains("is the one Paastis runs as"))
        .count();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("platforms")
  void the_own_app_in_a_listing_is_neither_registered_nor_stopped_and_said_once(Platform platform) {
    start(platform);

    for (int tick = 0; tick < 3; tick++) {
      clock.advance(Duration.ofMinutes(5));
      paastis.tick().await();
    }

    assertThat(paastis.registry().get(platform.ownApp()).await()).isEmpty();
    assertThat(provider.stateOf(platform.ownApp())).isEqualTo(AppState.RUNNING);
    // the other app of the same listing was discovered, then stopped once idle
    assertThat(provider.stateOf("review-app")).isEqualTo(AppState.STOPPED);
    assertThat(provider.stops.get()).isEqualTo(1);
    assertThat(ownAppLogLines()).isEqualTo(1);
    assertThat(appender.list)
        .filteredOn(event -> event.getFormattedMessage().contains("is the one Paastis runs as"))
        .singleElement()
        .extracting(ILoggingEvent::getFormattedMessage)
        .asString()
        .contains(platform.ownApp(), platform.provider());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("platforms")
  void an_operator_cannot_stop_it_either(Platform platform) {
    start(platform);

    boolean stopped =
        paastis.lifecycle().stopper().stop(platform.ownApp(), StopReason.MANUAL).await();

    assertThat(stopped).isFalse();
    assertThat(provider.stateOf(platform.ownApp())).isEqualTo(AppState.RUNNING);
    assertThat(provider.stops.get()).isZero();
  }

  @Test
  void requests_for_the_own_app_are_not_forwarded_to_it_as_they_would_come_back() throws Exception {
    start(platforms().get(0));
    HttpClient client = vertx.createHttpClient();

    Response response = TestHttp.get(client, paastis.port(), "my-paastis.apps.example.com", "/");

    assertThat(response.status()).isEqualTo(502);
    assertThat(response.text()).contains("my-paastis", "runs as");
    assertThat(upstream.requests.get()).isZero();
    assertThat(TestHttp.get(client, paastis.port(), "review-app.apps.example.com", "/").status())
        .isEqualTo(200);
  }

  @Test
  void the_same_name_at_another_provider_is_an_app_like_any_other() {
    Platform heroku = platforms().get(0);
    Map<String, String> env = new HashMap<>(heroku.env());
    env.put("HEROKU_APP_NAME", "another-name");
    start(new Platform("heroku", env, "my-paastis"));

    clock.advance(Duration.ofMinutes(5));
    paastis.tick().await();

    assertThat(provider.stateOf("my-paastis")).isEqualTo(AppState.STOPPED);
    assertThat(ownAppLogLines()).isZero();
  }
}
