package dev.paastis.internal.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paastis.Paastis;
import dev.paastis.app.AppState;
import dev.paastis.app.Formation;
import dev.paastis.config.OwnApp;
import dev.paastis.events.Event;
import dev.paastis.events.EventType;
import dev.paastis.internal.lifecycle.Lease;
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
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The admin listener's API, health and errors, spoken to with a real client. */
class AdminApiTest {

  private static final String TOKEN = "admin-token-1234";
  private final Vertx vertx = Vertx.vertx();
  private final MutableClock clock = new MutableClock();
  private HttpClient client;
  private FakeProvider provider;
  private Paastis paastis;

  @BeforeEach
  void setUp() throws Exception {
    client = vertx.createHttpClient();
    TestUpstream tracked = TestUpstream.start(vertx);
    TestUpstream asleep = TestUpstream.start(vertx);
    provider = new FakeProvider(vertx, "fake", Duration.ofSeconds(10));
    provider.withRunningApp("tracked", tracked.uri());
    provider.withStoppedApp("asleep", asleep.uri());
    // an app's web URL answers only while it runs, as behind a platform's router
    tracked.servesWhile(() -> provider.serves(tracked.uri()));
    asleep.servesWhile(() -> provider.serves(asleep.uri()));
  }

  @AfterEach
  void tearDown() {
    if (paastis != null) {
      paastis.stop().await();
    }
    vertx.close().await();
  }

  private void startPaastis() {
    startPaastis(false);
  }

  private void startPaastis(boolean metricsPublic) {
    startPaastis(metricsPublic, List.of());
  }

  private void startPaastis(boolean metricsPublic, List<OwnApp> ownApps) {
    TestConfigs configs = new TestConfigs();
    configs.ownApps.addAll(ownApps);
    configs.adminToken = Optional.of(TOKEN);
    configs.metricsPublic = metricsPublic;
    configs.maxIdleTime = Duration.ofMinutes(20);
    paastis = Paastis.create(configs.build(), vertx, new Providers(List.of(provider)), clock);
    paastis.start().await();
  }

  private Response call(HttpMethod method, String path, String authorization) throws Exception {
    Map<String, String> headers =
        authorization == null ? Map.of() : Map.of("authorization", authorization);
    return TestHttp.send(client, paastis.adminPort(), method, "127.0.0.1", path, headers, null)
        .toCompletionStage()
        .toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
  }

  private Response api(HttpMethod method, String path) throws Exception {
    return call(method, path, "Bearer " + TOKEN);
  }

  private JsonObject appsByName(String name) throws Exception {
    JsonArray apps = api(HttpMethod.GET, "/api/apps").json().getJsonArray("apps");
    return apps.stream()
        .map(JsonObject.class::cast)
        .filter(app -> app.getString("name").equals(name))
        .findFirst()
        .orElseThrow();
  }

  @ParameterizedTest(name = "{0} {1} with {2} gets 401")
  @CsvSource({
    "GET,    /api/apps,               ",
    "GET,    /api/apps/tracked,       Bearer wrong",
    "POST,   /api/apps/asleep/start,  Bearer admin-token-12345",
    "POST,   /api/apps/tracked/stop,  Basic YWRtaW46YWRtaW4=",
    "DELETE, /api/apps,               ",
    "GET,    /api/events,             Bearer",
    "GET,    /api/events/stream,      token admin-token-1234",
    "GET,    /api/savings,            Bearer wrong",
    "GET,    /api/nothing-here,       ",
    "GET,    /metrics,                ",
  })
  void every_api_route_and_the_metrics_need_the_bearer_token(
      String method, String path, String authorization) throws Exception {
    startPaastis();

    Response response = call(HttpMethod.valueOf(method), path, authorization);

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.headers().get("content-type")).isEqualTo("application/problem+json");
    assertThat(response.headers().get("www-authenticate")).isEqualTo("Bearer realm=\"paastis\"");
    assertThat(response.json().getInteger("status")).isEqualTo(401);
    assertThat(response.json().getString("detail")).containsIgnoringCase("token");
    assertThat(provider.stateOf("asleep")).isEqualTo(AppState.STOPPED);
    assertThat(provider.stateOf("tracked")).isEqualTo(AppState.RUNNING);
  }

  @Test
  void the_scheme_is_case_insensitive() throws Exception {
    startPaastis();

    assertThat(call(HttpMethod.GET, "/api/apps", "bearer " + TOKEN).status()).isEqualTo(200);
  }

  @Test
  void get_apps_shows_every_app_with_its_state_and_when_it_will_sleep() throws Exception {
    startPaastis();

    JsonObject body = api(HttpMethod.GET, "/api/apps").json();

    assertThat(Instant.parse(body.getString("now"))).isEqualTo(clock.instant());
    assertThat(body.getJsonArray("apps").stream().map(app -> ((JsonObject) app).getString("name")))
        .containsExactly("asleep", "tracked");
    JsonObject tracked = appsByName("tracked");
    assertThat(tracked.getString("provider")).isEqualTo("fake");
    assertThat(tracked.getString("state")).isEqualTo("RUNNING");
    assertThat(tracked.getBoolean("tracked")).isTrue();
    assertThat(tracked.getLong("max_idle_time_seconds")).isEqualTo(20 * 60);
    assertThat(tracked.getString("last_accessed_at")).isEqualTo(clock.instant().toString());
    assertThat(tracked.getString("sleeps_at"))
        .isEqualTo(clock.instant().plus(Duration.ofMinutes(20)).toString());
    assertThat(tracked.getString("url")).startsWith("http://127.0.0.1:");
    assertThat(tracked.getInteger("in_flight")).isZero();
    assertThat(tracked.getLong("slept_seconds_7d")).isZero();
    JsonObject asleep = appsByName("asleep");
    assertThat(asleep.getString("state")).isEqualTo("STOPPED");
    assertThat(asleep.getBoolean("tracked")).isFalse();
    assertThat(asleep.getString("sleeps_at")).isNull();
    assertThat(asleep.getString("last_accessed_at")).isNull();
  }

  @Test
  void get_one_app_or_a_404_problem() throws Exception {
    startPaastis();

    assertThat(api(HttpMethod.GET, "/api/apps/tracked").json().getString("state"))
        .isEqualTo("RUNNING");
    Response missing = api(HttpMethod.GET, "/api/apps/nope");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.headers().get("content-type")).isEqualTo("application/problem+json");
    assertThat(missing.json().getString("title")).isEqualTo("Not Found");
    assertThat(missing.json().getString("detail")).isEqualTo("no provider knows an app named nope");
  }

  @Test
  void start_with_wait_answers_once_the_app_runs() throws Exception {
    startPaastis();

    Response started = api(HttpMethod.POST, "/api/apps/asleep/start?wait=true");

    assertThat(started.status()).isEqualTo(200);
    assertThat(started.json().getString("state")).isEqualTo("RUNNING");
    assertThat(started.json().getBoolean("tracked")).isTrue();
    assertThat(provider.stateOf("asleep")).isEqualTo(AppState.RUNNING);
  }

  @Test
  void an_operator_can_start_a_worker_app_that_has_no_web_url() throws Exception {
    provider.withApp("worker", null, AppState.STOPPED, Formation.of(Map.of("worker", 0)));
    startPaastis();

    Response started = api(HttpMethod.POST, "/api/apps/worker/start?wait=true");

    assertThat(started.status()).as(started.text()).isEqualTo(200);
    assertThat(started.json().getString("state")).isEqualTo("RUNNING");
    assertThat(started.json().getString("url")).isNull();
  }

  @Test
  void a_start_that_times_out_is_a_503_with_retry_after_as_at_the_proxy() throws Exception {
    provider = new FakeProvider(vertx, "fake", Duration.ofMillis(800));
    provider.withStoppedApp("slowpoke", URI.create("http://127.0.0.1:9"));
    provider.setNeverReady(true);
    startPaastis();

    Response timedOut = api(HttpMethod.POST, "/api/apps/slowpoke/start?wait=true");

    assertThat(timedOut.status()).as(timedOut.text()).isEqualTo(503);
    assertThat(timedOut.headers().get("retry-after")).isEqualTo("5");
    assertThat(timedOut.json().getString("detail")).contains("slowpoke");
  }

  @Test
  void a_start_with_credentials_the_provider_rejects_is_a_502_without_retry_after()
      throws Exception {
    startPaastis();
    provider.setRejecting(true);

    Response rejected = api(HttpMethod.POST, "/api/apps/asleep/start?wait=true");

    assertThat(rejected.status()).as(rejected.text()).isEqualTo(502);
    assertThat(rejected.headers().get("retry-after")).isNull();
  }

  @Test
  void start_without_wait_answers_202_and_the_app_wakes_in_the_background() throws Exception {
    provider.setStartDelay(Duration.ofMillis(500));
    startPaastis();

    Response accepted = api(HttpMethod.POST, "/api/apps/asleep/start");

    assertThat(accepted.status()).isEqualTo(202);
    assertThat(accepted.json().getString("state")).isEqualTo("STARTING");
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> assertThat(appsByName("asleep").getString("state")).isEqualTo("RUNNING"));
  }

  @Test
  void stop_with_wait_stops_the_app_for_a_manual_reason() throws Exception {
    startPaastis();

    Response stopped = api(HttpMethod.POST, "/api/apps/tracked/stop?wait=true");

    assertThat(stopped.status()).isEqualTo(200);
    assertThat(stopped.json().getString("state")).isEqualTo("STOPPED");
    assertThat(stopped.json().getString("stopped_at")).isEqualTo(clock.instant().toString());
    assertThat(stopped.json().getString("sleeps_at")).isNull();
    assertThat(provider.stateOf("tracked")).isEqualTo(AppState.STOPPED);
    JsonObject event =
        api(HttpMethod.GET, "/api/events?type=APP_STOPPED")
            .json()
            .getJsonArray("events")
            .getJsonObject(0);
    assertThat(event.getString("app")).isEqualTo("tracked");
    assertThat(event.getJsonObject("details").getString("reason")).isEqualTo("manual");
  }

  @Test
  void stop_is_refused_with_409_while_a_request_is_in_flight() throws Exception {
    startPaastis();
    Lease lease = paastis.lifecycle().tryLease("tracked").orElseThrow();
    try {
      Response refused = api(HttpMethod.POST, "/api/apps/tracked/stop");

      assertThat(refused.status()).isEqualTo(409);
      assertThat(refused.json().getString("detail"))
          .isEqualTo("app tracked was not stopped: 1 requests or WebSockets are in flight");
      assertThat(provider.stateOf("tracked")).isEqualTo(AppState.RUNNING);
    } finally {
      lease.release();
    }
  }

  @Test
  void the_app_paastis_runs_as_is_never_stopped_on_demand() throws Exception {
    startPaastis(false, List.of(new OwnApp("fake", "tracked", "APP")));

    Response refused = api(HttpMethod.POST, "/api/apps/tracked/stop?wait=true");

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().getString("detail"))
        .isEqualTo("app tracked was not stopped: it is the app Paastis runs as");
    assertThat(provider.stateOf("tracked")).isEqualTo(AppState.RUNNING);
  }

  @Test
  void a_pin_wakes_the_app_and_keeps_it_awake_past_its_idle_deadlines_until_it_ends()
      throws Exception {
    startPaastis();

    Response pinned = api(HttpMethod.POST, "/api/apps/asleep/pin?for=2h&wait=true");

    assertThat(pinned.status()).isEqualTo(200);
    assertThat(pinned.json().getString("state")).isEqualTo("RUNNING");
    Instant until = clock.instant().plus(Duration.ofHours(2));
    assertThat(pinned.json().getString("pinned_until")).isEqualTo(until.toString());
    JsonObject event =
        api(HttpMethod.GET, "/api/events?type=APP_PINNED")
            .json()
            .getJsonArray("events")
            .getJsonObject(0);
    assertThat(event.getString("app")).isEqualTo("asleep");
    assertThat(event.getJsonObject("details").getString("until")).isEqualTo(until.toString());

    // three idle deadlines (20 minutes each) pass: the pin keeps it awake
    clock.advance(Duration.ofMinutes(61));
    paastis.tick().await();
    assertThat(provider.stateOf("asleep")).isEqualTo(AppState.RUNNING);

    // the pin ends: the app has been idle for longer than its idle time, the next tick stops it
    clock.advance(Duration.ofMinutes(60));
    paastis.tick().await();
    assertThat(provider.stateOf("asleep")).isEqualTo(AppState.STOPPED);
  }

  @Test
  void unpin_ends_the_pin_and_the_idle_time_applies_again() throws Exception {
    startPaastis();
    api(HttpMethod.POST, "/api/apps/tracked/pin?for=90m&wait=true");
    clock.advance(Duration.ofMinutes(30));

    Response unpinned = api(HttpMethod.DELETE, "/api/apps/tracked/pin");

    assertThat(unpinned.status()).isEqualTo(200);
    assertThat(unpinned.json().getString("pinned_until")).isNull();
    assertThat(api(HttpMethod.GET, "/api/events?type=APP_UNPINNED").json().getJsonArray("events"))
        .hasSize(1);
    paastis.tick().await();
    assertThat(provider.stateOf("tracked")).isEqualTo(AppState.STOPPED);
    // unpinning an app that is not pinned changes nothing and records nothing
    assertThat(api(HttpMethod.DELETE, "/api/apps/tracked/pin").status()).isEqualTo(200);
    assertThat(api(HttpMethod.GET, "/api/events?type=APP_UNPINNED").json().getJsonArray("events"))
        .hasSize(1);
  }

  @ParameterizedTest(name = "pin?{0} is a 400")
  @CsvSource({"for=soon", "for=0", "for=-2h", "for=400d", "x=1"})
  void a_pin_without_a_valid_duration_is_a_400_naming_what_is_accepted(String query)
      throws Exception {
    startPaastis();

    Response response = api(HttpMethod.POST, "/api/apps/asleep/pin?" + query);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().getString("detail")).contains("for=").contains("2h");
    assertThat(provider.stateOf("asleep")).isEqualTo(AppState.STOPPED);
  }

  @Test
  void pin_and_unpin_of_an_unknown_app_are_404() throws Exception {
    startPaastis();

    assertThat(api(HttpMethod.POST, "/api/apps/nope/pin?for=1h").status()).isEqualTo(404);
    assertThat(api(HttpMethod.DELETE, "/api/apps/nope/pin").status()).isEqualTo(404);
  }

  @Test
  void start_and_stop_of_an_unknown_app_are_404() throws Exception {
    startPaastis();

    assertThat(api(HttpMethod.POST, "/api/apps/nope/start").status()).isEqualTo(404);
    assertThat(api(HttpMethod.POST, "/api/apps/nope/stop?wait=true").status()).isEqualTo(404);
  }

  @Test
  void a_bad_wait_value_is_a_400_naming_what_is_accepted() throws Exception {
    startPaastis();

    Response response = api(HttpMethod.POST, "/api/apps/asleep/start?wait=soon");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().getString("detail"))
        .isEqualTo("wait=soon is not accepted: expected true or false");
    assertThat(provider.stateOf("asleep")).isEqualTo(AppState.STOPPED);
  }

  @Test
  void delete_apps_unregisters_every_tracked_app() throws Exception {
    startPaastis();

    assertThat(api(HttpMethod.DELETE, "/api/apps").status()).isEqualTo(204);

    assertThat(paastis.registry().all().await()).isEmpty();
    assertThat(appsByName("tracked").getBoolean("tracked")).isFalse();
  }

  @Test
  void events_are_filtered_by_app_type_time_and_limit() throws Exception {
    startPaastis();
    clock.advance(Duration.ofMinutes(1));
    Instant afterDiscovery = clock.instant();
    api(HttpMethod.POST, "/api/apps/asleep/start?wait=true");
    api(HttpMethod.POST, "/api/apps/tracked/stop?wait=true");

    JsonArray all = api(HttpMethod.GET, "/api/events").json().getJsonArray("events");
    JsonArray asleep = api(HttpMethod.GET, "/api/events?app=asleep").json().getJsonArray("events");
    JsonArray types =
        api(HttpMethod.GET, "/api/events?type=app_started,APP_STOPPED")
            .json()
            .getJsonArray("events");
    JsonArray recent =
        api(HttpMethod.GET, "/api/events?since=" + afterDiscovery).json().getJsonArray("events");
    JsonArray older =
        api(HttpMethod.GET, "/api/events?until=" + afterDiscovery).json().getJsonArray("events");
    JsonArray one = api(HttpMethod.GET, "/api/events?limit=1").json().getJsonArray("events");

    assertThat(all.getJsonObject(0).getString("type")).isEqualTo("APP_STOPPED");
    assertThat(all.getJsonObject(0).getString("occurred_at")).isEqualTo(afterDiscovery.toString());
    assertThat(asleep.stream().map(e -> ((JsonObject) e).getString("app"))).containsOnly("asleep");
    assertThat(types.stream().map(e -> ((JsonObject) e).getString("type")))
        .containsExactly("APP_STOPPED", "APP_STARTED");
    assertThat(recent.stream().map(e -> ((JsonObject) e).getString("type")))
        .doesNotContain("APP_DISCOVERED");
    assertThat(older.stream().map(e -> ((JsonObject) e).getString("type")))
        .containsOnly("APP_DISCOVERED", "APP_REGISTERED");
    assertThat(one).hasSize(1);
  }

  @Test
  void the_next_cursor_pages_through_the_events_and_is_null_on_the_last_page() throws Exception {
    startPaastis();
    api(HttpMethod.POST, "/api/apps/asleep/start?wait=true");
    JsonArray all = api(HttpMethod.GET, "/api/events").json().getJsonArray("events");

    JsonObject first = api(HttpMethod.GET, "/api/events?limit=2").json();
    JsonObject rest =
        api(HttpMethod.GET, "/api/events?limit=1000&cursor=" + first.getString("next_cursor"))
            .json();

    assertThat(first.getJsonArray("events").size() + rest.getJsonArray("events").size())
        .isEqualTo(all.size());
    assertThat(rest.getJsonArray("events").getJsonObject(0)).isEqualTo(all.getJsonObject(2));
    assertThat(rest.getValue("next_cursor")).isNull();
  }

  @ParameterizedTest(name = "{0} gets a 400 saying: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "type=APP_NAPPING | type=APP_NAPPING is not an event type: expected one of [APP_DISCOVERED,",
        "since=yesterday  | since=yesterday is not a time: expected ISO-8601 UTC",
        "limit=0          | limit=0 is not accepted: expected a whole number from 1 to 1000",
        "limit=many       | limit=many is not accepted: expected a whole number from 1 to 1000",
        "cursor=page2     | cursor=page2 is not a cursor: pass the next_cursor of the previous page",
      })
  void a_bad_event_filter_is_a_400_naming_what_is_accepted(String query, String detail)
      throws Exception {
    startPaastis();

    Response response = api(HttpMethod.GET, "/api/events?" + query);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.headers().get("content-type")).isEqualTo("application/problem+json");
    assertThat(response.json().getString("detail")).startsWith(detail);
  }

  @Test
  void the_event_stream_sends_new_events_as_server_sent_events() throws Exception {
    startPaastis();
    java.net.http.HttpClient jdk = java.net.http.HttpClient.newHttpClient();
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + paastis.adminPort() + "/api/events/stream"))
            .header("authorization", "Bearer " + TOKEN)
            .build();
    HttpResponse<Stream<String>> stream =
        jdk.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).get(10, TimeUnit.SECONDS);
    assertThat(stream.statusCode()).isEqualTo(200);
    assertThat(stream.headers().firstValue("content-type"))
        .contains("text/event-stream; charset=utf-8");
    Iterator<String> lines = stream.body().iterator();
    assertThat(lines.next()).isEqualTo("retry: 2000"); // the stream is open and subscribed

    api(HttpMethod.POST, "/api/apps/tracked/stop?wait=true");

    CompletableFuture<String> firstData =
        CompletableFuture.supplyAsync(
            () -> {
              while (lines.hasNext()) {
                String line = lines.next();
                if (line.startsWith("data: ")) {
                  return line.substring("data: ".length());
                }
              }
              return null;
            });
    JsonObject event = new JsonObject(firstData.get(10, TimeUnit.SECONDS));
    assertThat(event.getString("type")).isEqualTo("APP_STOPPED");
    assertThat(event.getString("app")).isEqualTo("tracked");
    stream.body().close();
  }

  @Test
  void slept_hours_count_the_time_between_a_stop_and_the_next_start() throws Exception {
    startPaastis();
    api(HttpMethod.POST, "/api/apps/tracked/stop?wait=true");
    clock.advance(Duration.ofHours(2));

    assertThat(appsByName("tracked").getLong("slept_seconds_7d")).isEqualTo(2 * 3600);

    api(HttpMethod.POST, "/api/apps/tracked/start?wait=true");
    clock.advance(Duration.ofHours(1));

    assertThat(appsByName("tracked").getLong("slept_seconds_7d")).isEqualTo(2 * 3600);
  }

  @Test
  void an_app_asleep_since_before_the_window_counts_the_whole_window() throws Exception {
    startPaastis();
    api(HttpMethod.POST, "/api/apps/tracked/stop?wait=true");
    clock.advance(Duration.ofDays(8));

    assertThat(appsByName("tracked").getLong("slept_seconds_7d"))
        .isEqualTo(Duration.ofDays(7).toSeconds());
  }

  /** An event of the past, as if an earlier run of Paastis had recorded it. */
  private void recorded(EventType type, String app, Instant at) {
    paastis.events().append(new Event(type, app, "fake", at, Map.of())).await();
  }

  @Test
  void savings_count_the_hours_awake_and_asleep_and_the_wakes_of_each_app_from_its_events()
      throws Exception {
    Instant start = clock.instant();
    startPaastis(); // tracked is discovered now
    // asleep was tracked by an earlier run, which stopped it 10 days ago
    recorded(EventType.APP_DISCOVERED, "asleep", start.minus(Duration.ofDays(20)));
    recorded(EventType.APP_REGISTERED, "asleep", start.minus(Duration.ofDays(20)));
    recorded(EventType.APP_STOPPED, "asleep", start.minus(Duration.ofDays(10)));
    clock.advance(Duration.ofHours(2));
    api(HttpMethod.POST, "/api/apps/tracked/stop?wait=true");
    clock.advance(Duration.ofHours(3));
    api(HttpMethod.POST, "/api/apps/tracked/start?wait=true");
    clock.advance(Duration.ofHours(1));

    Response response = api(HttpMethod.GET, "/api/savings");

    assertThat(response.status()).as(response.text()).isEqualTo(200);
    JsonObject body = response.json();
    assertThat(body.getString("until")).isEqualTo(clock.instant().toString());
    assertThat(body.getString("since"))
        .isEqualTo(clock.instant().minus(Duration.ofDays(30)).toString());
    assertThat(body.getJsonArray("apps").stream().map(app -> ((JsonObject) app).getString("app")))
        .containsExactly("asleep", "tracked");
    assertThat(body.getJsonArray("apps").getJsonObject(0))
        .isEqualTo(
            new JsonObject()
                .put("app", "asleep")
                .put("hours_awake", 240.0)
                .put("hours_asleep", 246.0)
                .put("wakes", 0)
                .putNull("cost_per_hour")
                .putNull("saving"));
    JsonObject tracked = body.getJsonArray("apps").getJsonObject(1);
    assertThat(tracked.getDouble("hours_awake")).isEqualTo(3.0); // 2 h, then 1 h since the wake
    assertThat(tracked.getDouble("hours_asleep")).isEqualTo(3.0);
    assertThat(tracked.getInteger("wakes")).isEqualTo(1);
    assertThat(body.getJsonObject("totals"))
        .isEqualTo(
            new JsonObject()
                .put("hours_awake", 243.0)
                .put("hours_asleep", 249.0)
                .put("wakes", 1)
                .putNull("saving"));

    // asleep, listed by the provider but forgotten by the registry, slept all of the last day
    JsonObject lastDay = api(HttpMethod.GET, "/api/savings?since=1d").json();
    assertThat(lastDay.getString("since"))
        .isEqualTo(clock.instant().minus(Duration.ofDays(1)).toString());
    assertThat(lastDay.getJsonArray("apps").getJsonObject(0).getString("app")).isEqualTo("asleep");
    assertThat(lastDay.getJsonArray("apps").getJsonObject(0).getDouble("hours_asleep"))
        .isEqualTo(24.0);
  }

  @ParameterizedTest(name = "since={0} gets a 400")
  @CsvSource({"forever", "0", "-1d", "31d", "500ms"})
  void a_bad_savings_window_is_a_400_naming_what_is_accepted(String since) throws Exception {
    startPaastis();

    Response response = api(HttpMethod.GET, "/api/savings?since=" + since);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.headers().get("content-type")).isEqualTo("application/problem+json");
    assertThat(response.json().getString("detail"))
        .isEqualTo(
            "since="
                + since
                + " is not accepted: expected a duration such as 30d, 12h or 90m (a bare number"
                + " is days), from 1s to 30d (EVENTS_RETENTION: older events are not kept)");
  }

  @Test
  void health_needs_no_token_and_is_ready_once_every_provider_listed_its_apps() throws Exception {
    startPaastis();

    Response live = call(HttpMethod.GET, "/health/live", null);
    Response ready = call(HttpMethod.GET, "/health/ready", null);

    assertThat(live.status()).isEqualTo(200);
    assertThat(live.json().getString("status")).isEqualTo("UP");
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.json().getJsonObject("checks").getJsonObject("providers").getString("status"))
        .isEqualTo("UP");
  }

  @Test
  void not_ready_while_a_provider_never_answered() throws Exception {
    provider.setBroken(true);
    startPaastis();

    Response ready = call(HttpMethod.GET, "/health/ready", null);

    assertThat(ready.status()).isEqualTo(503);
    assertThat(ready.json().getString("status")).isEqualTo("DOWN");
    JsonObject checks = ready.json().getJsonObject("checks");
    assertThat(checks.getJsonObject("registry").getString("status")).isEqualTo("UP");
    assertThat(checks.getJsonObject("event_store").getString("status")).isEqualTo("UP");
    assertThat(checks.getJsonObject("providers").getString("detail"))
        .isEqualTo("no listing yet from fake");

    provider.setBroken(false);
    paastis.tick().await();

    assertThat(call(HttpMethod.GET, "/health/ready", null).status()).isEqualTo(200);
  }

  @Test
  void metrics_are_in_the_prometheus_format_with_the_token() throws Exception {
    startPaastis();

    Response metrics = api(HttpMethod.GET, "/metrics");

    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.headers().get("content-type")).startsWith("text/plain; version=0.0.4");
    assertThat(metrics.text())
        .contains("paastis_apps{state=\"running\"} 1.0")
        .contains("paastis_apps{state=\"stopped\"} 1.0")
        .contains("jvm_memory_used_bytes");
  }

  @Test
  void with_metrics_public_the_metrics_need_no_token_but_the_api_still_does() throws Exception {
    startPaastis(true);

    assertThat(call(HttpMethod.GET, "/metrics", null).status()).isEqualTo(200);
    assertThat(call(HttpMethod.GET, "/api/apps", null).status()).isEqualTo(401);
  }

  @Test
  void the_dashboard_is_served_without_a_token_and_other_paths_are_404_problems() throws Exception {
    startPaastis();

    Response page = call(HttpMethod.GET, "/", null);
    Response script = call(HttpMethod.GET, "/dashboard.js", null);
    Response nothing = call(HttpMethod.GET, "/nothing.html", null);

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.headers().get("content-type")).startsWith("text/html");
    assertThat(script.status()).isEqualTo(200);
    assertThat(nothing.status()).isEqualTo(404);
    assertThat(nothing.headers().get("content-type")).isEqualTo("application/problem+json");
    assertThat(nothing.json().getString("detail"))
        .isEqualTo(
            "nothing at GET /nothing.html: the dashboard is at /, the API under /api/"
                + " (docs/admin-api.md)");
  }

  @Test
  void an_unknown_api_route_is_a_404_problem() throws Exception {
    startPaastis();

    Response response = api(HttpMethod.PUT, "/api/apps/tracked");

    assertThat(response.status()).isIn(404, 405);
    assertThat(response.headers().get("content-type")).isEqualTo("application/problem+json");
  }
}
