package dev.paastis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paastis.app.AppSettings;
import dev.paastis.app.AppState;
import dev.paastis.events.Event;
import dev.paastis.events.EventType;
import dev.paastis.internal.lifecycle.StopReason;
import dev.paastis.provider.Providers;
import dev.paastis.registry.ManagedApp;
import dev.paastis.testing.FakeProvider;
import dev.paastis.testing.MutableClock;
import dev.paastis.testing.TestConfigs;
import dev.paastis.testing.TestHttp;
import dev.paastis.testing.TestHttp.Response;
import dev.paastis.testing.TestUpstream;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sleep policy of paastis.yml rules, on the real server with an in-process provider, real
 * upstreams and a clock the test moves: schedule windows, requests that must not wake an app, the
 * busy probe, pre-warming.
 */
class SleepPolicyTest {

  /** Monday 7 December 2026, 06:00 UTC: 07:00 in Paris (winter time, UTC+1). */
  private static final Instant MONDAY_7_PARIS = Instant.parse("2026-12-07T06:00:00Z");

  private static final String UPTIME_ROBOT =
      "Mozilla/5.0+(compatible; UptimeRobot/2.0; http://www.uptimerobot.com/)";

  private static final String ADMIN_TOKEN = "admin-token-5678";

  @TempDir Path dir;

  private final Vertx vertx = Vertx.vertx();
  private final MutableClock clock = new MutableClock();
  private HttpClient client;
  private TestUpstream upstream;
  private FakeProvider provider;
  private Paastis paastis;

  @BeforeEach
  void setUp() throws Exception {
    client = vertx.createHttpClient();
    upstream = TestUpstream.start(vertx);
    provider = new FakeProvider(vertx, "fake", Duration.ofSeconds(10));
    upstream.servesWhile(() -> provider.serves(upstream.uri()));
    clock.set(MONDAY_7_PARIS);
  }

  @AfterEach
  void tearDown() {
    if (paastis != null) {
      paastis.stop().await();
    }
    vertx.close().await();
  }

  /** Starts Paastis with these rules (paastis.yml) and a 20-minute idle time. */
  private void startPaastis(String rules) throws Exception {
    Files.writeString(dir.resolve("paastis.yml"), rules);
    var loaded =
        ProviderChoice.configLoader(
                Map.of("PROVIDER_NAME", "heroku", "PROVIDER_HEROKU_API_TOKEN", "unused"), dir)
            .load(Map.of());
    TestConfigs configs = new TestConfigs();
    configs.rules.addAll(loaded.rules());
    configs.policy = loaded.policy();
    configs.maxIdleTime = Duration.ofMinutes(20);
    configs.adminToken = Optional.of(ADMIN_TOKEN);
    paastis = Paastis.create(configs.build(), vertx, new Providers(List.of(provider)), clock);
    paastis.start().await();
  }

  private Response get(String path, Map<String, String> headers) throws Exception {
    return getFrom("shop", path, headers);
  }

  private Response getFrom(String app, String path, Map<String, String> headers) throws Exception {
    return result(
        TestHttp.send(
            client, paastis.port(), HttpMethod.GET, app + ".proxy.test", path, headers, null));
  }

  private static <T> T result(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  /**
   * A tick at {@code at}, once the requests already answered have released their apps: the proxy
   * counts a request out just after its response is written, and a tick never stops an app with a
   * request in flight (seen once: an app still "in use" at the tick right after its last answer).
   */
  private void tickAt(Instant at) {
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> paastis.lifecycle().catalog().inFlight() == 0);
    clock.set(at);
    paastis.tick().await();
  }

  private List<Event> events(EventType type) {
    return paastis.events().recent(100).await().stream()
        .filter(event -> event.type() == type)
        .toList();
  }

  private ManagedApp tracked() {
    return tracked("shop");
  }

  private ManagedApp tracked(String key) {
    return paastis.registry().get(key).await().orElseThrow();
  }

  @Test
  void a_keep_awake_window_starts_the_app_when_it_opens_and_keeps_it_from_idle_stops()
      throws Exception {
    provider.withStoppedApp("shop", upstream.uri());
    startPaastis(
        """
        rules:
          - pattern: '^shop$'
            timezone: Europe/Paris
            keep_awake: [ { from: '30 7 * * 1-5', to: '0 18 * * 1-5' } ]
        """);

    tickAt(MONDAY_7_PARIS);
    assertThat(provider.stateOf("shop")).isEqualTo(AppState.STOPPED);

    // 07:31 in Paris: the window is open
    tickAt(MONDAY_7_PARIS.plus(Duration.ofMinutes(31)));
    assertThat(provider.stateOf("shop")).isEqualTo(AppState.RUNNING);

    // nobody asks for it all day: still awake, whatever its 20-minute idle time
    tickAt(Instant.parse("2026-12-07T16:30:00Z"));
    assertThat(provider.stateOf("shop")).isEqualTo(AppState.RUNNING);

    // 18:01 in Paris: the window closed, the idle time applies again
    tickAt(Instant.parse("2026-12-07T17:01:00Z"));
    assertThat(provider.stateOf("shop")).isEqualTo(AppState.STOPPED);
    assertThat(events(EventType.APP_STOPPED).get(0).details()).containsEntry("reason", "idle");
  }

  @Test
  void an_app_stopped_by_hand_during_its_keep_awake_window_is_not_started_again() throws Exception {
    provider.withStoppedApp("shop", upstream.uri());
    startPaastis(
        """
        rules:
          - pattern: '^shop$'
            timezone: Europe/Paris
            keep_awake: [ { from: '30 7 * * 1-5', to: '0 18 * * 1-5' } ]
        """);
    tickAt(MONDAY_7_PARIS.plus(Duration.ofMinutes(31)));
    assertThat(provider.stateOf("shop")).isEqualTo(AppState.RUNNING);

    paastis.lifecycle().stopper().stop("shop", StopReason.MANUAL).await();
    tickAt(MONDAY_7_PARIS.plus(Duration.ofMinutes(40)));

    assertThat(provider.stateOf("shop")).isEqualTo(AppState.STOPPED);
  }

  @Test
  void a_keep_asleep_window_stops_the_app_and_requests_do_not_wake_it_until_it_closes()
      throws Exception {
    provider.withRunningApp("shop", upstream.uri());
    clock.set(Instant.parse("2026-12-07T20:50:00Z")); // 21:50 in Paris
    startPaastis(
        """
        rules:
          - pattern: '^shop$'
            timezone: Europe/Paris
            keep_asleep: [ { from: '0 22 * * *', to: '0 6 * * *' } ]
        """);
    tickAt(Instant.parse("2026-12-07T20:55:00Z")); // discovered, running
    assertThat(provider.stateOf("shop")).isEqualTo(AppState.RUNNING);

    tickAt(Instant.parse("2026-12-07T21:00:30Z")); // 22:00:30 in Paris
    assertThat(provider.stateOf("shop")).isEqualTo(AppState.STOPPED);
    assertThat(events(EventType.APP_STOPPED).get(0).details()).containsEntry("reason", "schedule");

    Response api = get("/orders", Map.of());
    assertThat(api.status()).isEqualTo(503);
    // back at 06:00 in Paris, 05:00 UTC: 7 h 59 min 30 s later
    assertThat(api.headers().get("retry-after")).isEqualTo(String.valueOf(8 * 3600 - 30));
    assertThat(api.json().getString("detail"))
        .isEqualTo(
            "app shop sleeps on schedule until 2026-12-08T05:00:00Z (in 8 h): requests do not"
                + " wake it before then");
    Response browser = get("/", Map.of("accept", "text/html"));
    assertThat(browser.status()).isEqualTo(503);
    assertThat(browser.headers().get("content-type")).startsWith("text/html");
    assertThat(browser.text()).contains("until 2026-12-08T05:00:00Z");
    assertThat(provider.stateOf("shop")).isEqualTo(AppState.STOPPED);

    // 06:00:01 in Paris: the window closed, a request wakes the app
    clock.set(Instant.parse("2026-12-08T05:00:01Z"));
    assertThat(get("/orders", Map.of()).status()).isEqualTo(200);
    assertThat(provider.stateOf("shop")).isEqualTo(AppState.RUNNING);
  }

  @Test
  void a_pinned_app_is_not_stopped_by_its_keep_asleep_window() throws Exception {
    provider.withRunningApp("shop", upstream.uri());
    clock.set(Instant.parse("2026-12-07T21:30:00Z"));
    startPaastis(
        """
        rules:
          - pattern: '^shop$'
            keep_asleep: [ { from: '0 22 * * *', to: '0 6 * * *' } ]
        """);
    tickAt(Instant.parse("2026-12-07T21:35:00Z"));
    paastis.lifecycle().pins().pin(settings("shop"), Duration.ofHours(3)).await();

    tickAt(Instant.parse("2026-12-07T22:00:30Z"));
    tickAt(Instant.parse("2026-12-07T23:30:00Z"));

    assertThat(provider.stateOf("shop")).isEqualTo(AppState.RUNNING);
    assertThat(get("/", Map.of()).status()).isEqualTo(200);
  }

  private AppSettings settings(String key) {
    return ProviderAbilities.rules(new Providers(List.of(provider)), paastis.config())
        .forProviderApp(key);
  }

  @Test
  void a_monitor_neither_wakes_a_sleeping_app_nor_keeps_an_awake_one_awake() throws Exception {
    provider.withStoppedApp("shop", upstream.uri());
    startPaastis("rules: []\n");
    // WAKE_IGNORED_USER_AGENTS is not set: its default knows UptimeRobot
    Response monitor = get("/", Map.of("user-agent", UPTIME_ROBOT));

    assertThat(monitor.status()).isEqualTo(503);
    assertThat(monitor.headers().get("retry-after")).isEqualTo("60");
    assertThat(monitor.json().getString("detail"))
        .isEqualTo(
            "app shop is asleep, and requests from uptime monitors and crawlers (by their"
                + " User-Agent) do not wake it");
    assertThat(provider.stateOf("shop")).isEqualTo(AppState.STOPPED);

    assertThat(get("/", Map.of("user-agent", "curl/8.5.0")).status()).isEqualTo(200);
    Instant woken = tracked().lastAccessedAt();
    clock.advance(Duration.ofMinutes(15));
    for (int i = 0; i < 3; i++) {
      assertThat(get("/", Map.of("user-agent", UPTIME_ROBOT)).status()).isEqualTo(200);
    }
    assertThat(tracked().lastAccessedAt()).isEqualTo(woken);
    // the proxy lets go of a request just after its client has the whole response
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> paastis.lifecycle().catalog().inFlight("shop") == 0);

    tickAt(clock.instant().plus(Duration.ofMinutes(6)));
    assertThat(provider.stateOf("shop")).isEqualTo(AppState.STOPPED);
  }

  @Test
  void the_savings_price_the_hours_asleep_at_the_rules_cost_per_hour() throws Exception {
    provider.withRunningApp("shop", upstream.uri());
    startPaastis(
        """
        rules:
          - pattern: '^shop$'
            cost_per_hour: '0.10'
        """);
    tickAt(MONDAY_7_PARIS.plus(Duration.ofMinutes(21))); // idle for 21 minutes: stopped
    assertThat(provider.stateOf("shop")).isEqualTo(AppState.STOPPED);
    clock.set(MONDAY_7_PARIS.plus(Duration.ofMinutes(21)).plus(Duration.ofHours(10)));

    Response savings =
        result(
            TestHttp.send(
                client,
                paastis.adminPort(),
                HttpMethod.GET,
                "127.0.0.1",
                "/api/savings?since=1d",
                Map.of("authorization", "Bearer " + ADMIN_TOKEN),
                null));

    assertThat(savings.status()).isEqualTo(200);
    var shop = savings.json().getJsonArray("apps").getJsonObject(0);
    assertThat(shop.getString("app")).isEqualTo("shop");
    assertThat(shop.getDouble("hours_asleep")).isEqualTo(10.0);
    assertThat(shop.getString("cost_per_hour")).isEqualTo("0.10");
    assertThat(shop.getString("saving")).isEqualTo("1.00");
  }

  @Test
  void a_busy_app_has_its_idle_stop_postponed_by_busy_retry() throws Exception {
    provider.withRunningApp("shop", upstream.uri());
    startPaastis(
        """
        rules:
          - pattern: '^shop$'
            busy_probe: /busy
            busy_retry: 5m
            busy_probe_timeout: 30s   # a loaded machine must not turn "busy" into "no answer"
        """);
    tickAt(MONDAY_7_PARIS); // discovered
    upstream.busyStatus.set(423);

    tickAt(MONDAY_7_PARIS.plus(Duration.ofMinutes(21)));
    assertThat(provider.stateOf("shop")).isEqualTo(AppState.RUNNING);
    Event vetoed = events(EventType.APP_STOP_VETOED).get(0);
    assertThat(vetoed.details())
        .containsEntry("until", MONDAY_7_PARIS.plus(Duration.ofMinutes(26)).toString())
        .containsEntry("answer", "status 423");
    int probes = (int) upstream.paths.stream().filter("/busy"::equals).count();

    // within busy_retry the app is not asked again
    tickAt(MONDAY_7_PARIS.plus(Duration.ofMinutes(24)));
    assertThat(upstream.paths.stream().filter("/busy"::equals).count()).isEqualTo(probes);
    assertThat(provider.stateOf("shop")).isEqualTo(AppState.RUNNING);

    upstream.busyStatus.set(200);
    tickAt(MONDAY_7_PARIS.plus(Duration.ofMinutes(27)));
    assertThat(provider.stateOf("shop")).isEqualTo(AppState.STOPPED);
  }

  @Test
  void an_app_used_at_8_on_weekdays_for_weeks_is_started_shortly_before_8_once() throws Exception {
    Instant mondayEight = Instant.parse("2026-12-07T08:00:00Z");
    Instant fourWeeksBefore = mondayEight.minus(Duration.ofDays(28));
    provider.withRunningApp("shop", upstream.uri());
    provider.withRunningApp("blog", upstream.uri());
    provider.withRunningApp("wiki", upstream.uri());
    clock.set(fourWeeksBefore.minus(Duration.ofHours(1)));
    startPaastis(
        """
        rules:
          - pattern: '^(shop|wiki)$'
            prewarm: true
            prewarm_lead: 5m
        """);
    assertThat(paastis.registry().all().await()).hasSize(3); // discovered

    // requests at 08:10 UTC, Monday to Friday: to shop and blog four weeks long, to wiki in two
    for (int week = 0; week < 4; week++) {
      for (int day = 0; day < 5; day++) {
        clock.set(
            fourWeeksBefore.plus(Duration.ofDays(7L * week + day)).plus(Duration.ofMinutes(10)));
        assertThat(getFrom("shop", "/", Map.of()).status()).isEqualTo(200);
        assertThat(getFrom("blog", "/", Map.of()).status()).isEqualTo(200);
        if (week % 2 == 1) {
          assertThat(getFrom("wiki", "/", Map.of()).status()).isEqualTo(200);
        }
      }
    }
    assertThat(tracked("shop").activity().hoursUsed()).isEqualTo(20);
    assertThat(tracked("wiki").activity().hoursUsed()).isEqualTo(10);
    // Friday 4 December, 09:00: nobody since 08:10, all three are stopped for idleness
    tickAt(Instant.parse("2026-12-04T09:00:00Z"));
    for (String app : List.of("shop", "blog", "wiki")) {
      assertThat(provider.stateOf(app)).isEqualTo(AppState.STOPPED);
    }

    tickAt(mondayEight.minus(Duration.ofMinutes(10)));
    assertThat(provider.stateOf("shop")).isEqualTo(AppState.STOPPED);
    assertThat(events(EventType.APP_PREWARMED)).isEmpty();

    // Monday 07:58 UTC, within the 5 minutes before the usual hour
    tickAt(mondayEight.minus(Duration.ofMinutes(2)));
    assertThat(provider.stateOf("shop")).isEqualTo(AppState.RUNNING);
    assertThat(provider.stateOf("blog")).isEqualTo(AppState.STOPPED); // prewarm is off
    assertThat(provider.stateOf("wiki")).isEqualTo(AppState.STOPPED); // used 2 of 4 Mondays
    List<Event> prewarmed = events(EventType.APP_PREWARMED);
    assertThat(prewarmed).hasSize(1);
    assertThat(prewarmed.get(0).app()).isEqualTo("shop");
    assertThat(prewarmed.get(0).details()).containsEntry("for_hour", "2026-12-07T08:00:00Z");
    // the pre-warm's wake is no use of 07:00: it must not become a usual hour in turn
    assertThat(tracked("shop").activity().usedIn(mondayEight.getEpochSecond() / 3600 - 1))
        .isFalse();

    // stopped again by hand within the lead: not started twice for the same hour
    paastis.lifecycle().stopper().stop("shop", StopReason.MANUAL).await();
    tickAt(mondayEight.minus(Duration.ofMinutes(1)));
    assertThat(provider.stateOf("shop")).isEqualTo(AppState.STOPPED);
    assertThat(events(EventType.APP_PREWARMED)).hasSize(1);

    // the request that wakes it records its hour
    clock.set(mondayEight.plus(Duration.ofMinutes(5)));
    assertThat(get("/", Map.of()).status()).isEqualTo(200);
    assertThat(tracked("shop").activity().usedIn(mondayEight.getEpochSecond() / 3600)).isTrue();
  }
}
