package dev.paastis.internal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paastis.Paastis;
import dev.paastis.provider.Providers;
import dev.paastis.testing.FakeProvider;
import dev.paastis.testing.MutableClock;
import dev.paastis.testing.TestConfigs;
import dev.paastis.testing.TestHttp;
import dev.paastis.testing.TestHttp.Response;
import dev.paastis.testing.TestUpstream;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The original's system API on the proxy port, spoken to with a real client. */
class SystemApiTest {

  private static final String TOKEN = "abcd-1234-EFGH-5678";
  private final Vertx vertx = Vertx.vertx();
  private HttpClient client;
  private FakeProvider provider;
  private Paastis paastis;

  @BeforeEach
  void setUp() throws Exception {
    client = vertx.createHttpClient();
    TestUpstream upstream = TestUpstream.start(vertx);
    provider = new FakeProvider(vertx, "fake", Duration.ofSeconds(5));
    provider.withRunningApp("tracked", upstream.uri());
    provider.withStoppedApp("asleep", upstream.uri());
  }

  @AfterEach
  void tearDown() {
    paastis.stop().await();
    vertx.close().await();
  }

  private void startPaastis(Optional<String> token) {
    TestConfigs configs = new TestConfigs();
    configs.systemApiToken = token;
    configs.maxIdleTime = Duration.ofMinutes(20);
    paastis =
        Paastis.create(
            configs.build(), vertx, new Providers(List.of(provider)), new MutableClock());
    paastis.start().await();
  }

  private Response system(HttpMethod method, String path, String token) throws Exception {
    Map<String, String> headers =
        token == null
            ? Map.of("PaastisProxyTarget", "system")
            : Map.of("PaastisProxyTarget", "system", "PaastisProxySystemApiToken", token);
    return TestHttp.send(client, paastis.port(), method, "anything.test", path, headers, null)
        .toCompletionStage()
        .toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
  }

  @Test
  void a_wrong_or_missing_token_gets_400_with_the_original_message_as_json() throws Exception {
    startPaastis(Optional.of(TOKEN));

    for (String token : new String[] {null, "wrong", TOKEN + "x"}) {
      Response response = system(HttpMethod.GET, "/apps", token);
      assertThat(response.status()).isEqualTo(400);
      assertThat(response.headers().get("content-type")).isEqualTo("application/json");
      assertThat(response.json().getString("message"))
          .isEqualTo("Wrong or missing Paastis proxy system API token");
    }
  }

  @Test
  void get_apps_lists_the_provider_apps_with_the_original_snake_case_fields() throws Exception {
    startPaastis(Optional.of(TOKEN));

    JsonArray apps = new JsonArray(system(HttpMethod.GET, "/apps", TOKEN).text());

    JsonObject tracked = find(apps, "tracked");
    assertThat(tracked.getBoolean("is_monitored")).isTrue();
    assertThat(tracked.getString("provider")).isEqualTo("fake");
    assertThat(tracked.getLong("max_idle_time")).isEqualTo(20);
    assertThat(tracked.getString("last_accessed_at")).isNotBlank();
    assertThat(tracked.getString("state")).isEqualTo("RUNNING");
    JsonObject asleep = find(apps, "asleep");
    assertThat(asleep.getBoolean("is_monitored")).isFalse();
    assertThat(asleep.containsKey("max_idle_time")).isFalse();
    assertThat(asleep.getString("state")).isEqualTo("STOPPED");
  }

  @Test
  void delete_apps_unregisters_every_tracked_app() throws Exception {
    startPaastis(Optional.of(TOKEN));

    assertThat(system(HttpMethod.DELETE, "/apps", TOKEN).status()).isEqualTo(204);

    assertThat(paastis.registry().all().await()).isEmpty();
    assertThat(
            find(new JsonArray(system(HttpMethod.GET, "/apps", TOKEN).text()), "tracked")
                .getBoolean("is_monitored"))
        .isFalse();
  }

  @Test
  void get_events_lists_what_happened_newest_first() throws Exception {
    startPaastis(Optional.of(TOKEN));

    JsonArray events = new JsonArray(system(HttpMethod.GET, "/events", TOKEN).text());

    assertThat(events.getJsonObject(0).getString("type")).isEqualTo("APP_REGISTERED");
    assertThat(events.getJsonObject(0).getString("app")).isEqualTo("tracked");
    assertThat(events.getJsonObject(0).getString("occurred_at")).isNotBlank();
  }

  @Test
  void when_disabled_the_system_header_is_just_a_header() throws Exception {
    startPaastis(Optional.empty());

    Response response = system(HttpMethod.GET, "/apps", TOKEN);

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.json().getString("app")).isEqualTo("anything");
  }

  private static JsonObject find(JsonArray apps, String id) {
    return apps.stream()
        .map(JsonObject.class::cast)
        .filter(app -> app.getString("id").equals(id))
        .findFirst()
        .orElseThrow();
  }
}
