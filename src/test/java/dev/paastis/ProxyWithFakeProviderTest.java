package dev.paastis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.paastis.app.AppState;
import dev.paastis.app.Formation;
import dev.paastis.app.Rule;
import dev.paastis.config.ConfigException;
import dev.paastis.config.HooksConfig;
import dev.paastis.config.WakeStrategy;
import dev.paastis.events.Event;
import dev.paastis.events.EventType;
import dev.paastis.provider.CredentialsRejectedException;
import dev.paastis.provider.HostAliases;
import dev.paastis.provider.Providers;
import dev.paastis.provider.StartupCheck;
import dev.paastis.testing.FakeProvider;
import dev.paastis.testing.MutableClock;
import dev.paastis.testing.TestConfigs;
import dev.paastis.testing.TestHttp;
import dev.paastis.testing.TestHttp.Response;
import dev.paastis.testing.TestUpstream;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real server with an in-process stateful provider and real upstream HTTP servers. */
class ProxyWithFakeProviderTest {

  private Vertx vertx;
  private HttpClient client;
  private TestUpstream upstream;
  private FakeProvider provider;
  private MutableClock clock;
  private Paastis paastis;

  private WebSocketClient webSockets;

  @BeforeEach
  void setUp() throws Exception {
    vertx = Vertx.vertx();
    client =
        vertx.createHttpClient(
            new HttpClientOptions().setKeepAlive(true), new PoolOptions().setHttp1MaxSize(250));
    // kept in a field: Vert.x 5 closes a client nothing refers to any more
    webSockets = vertx.createWebSocketClient();
    upstream = TestUpstream.start(vertx);
    // the web URL answers only while an app behind it runs, as behind a platform's router
    upstream.servesWhile(() -> provider.serves(upstream.uri()));
    provider = new FakeProvider(vertx, "fake", Duration.ofSeconds(5));
    provider.withStoppedApp("sleepy", upstream.uri());
    clock = new MutableClock();
  }

  @AfterEach
  void tearDown() {
    if (paastis != null) {
      paastis.stop().await();
    }
    vertx.close().await();
  }

  private void startPaastis(Consumer<TestConfigs> customize) {
    TestConfigs configs = new TestConfigs();
    customize.accept(configs);
    paastis = Paastis.create(configs.build(), vertx, new Providers(List.of(provider)), clock);
    paastis.start().await();
  }

  private void startPaastis() {
    startPaastis(configs -> {});
  }

  private static <T> T result(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  private Response post(String host, String uri, Buffer body, Map<String, String> headers)
      throws Exception {
    return result(TestHttp.send(client, paastis.port(), HttpMethod.POST, host, uri, headers, body));
  }

  /** A GET of / as a browser sends it (Accept: text/html). */
  private Response browserGet(String host) throws Exception {
    return result(
        TestHttp.send(
            client,
            paastis.port(),
            HttpMethod.GET,
            host,
            "/",
            Map.of("accept", "text/html"),
            null));
  }

  private List<EventType> eventTypes() {
    List<EventType> newestFirst =
        new ArrayList<>(paastis.events().recent(100).await().stream().map(Event::type).toList());
    java.util.Collections.reverse(newestFirst);
    return newestFirst;
  }

  @Test
  void first_request_wakes_a_sleeping_app_and_keeps_its_1_MB_body_intact() throws Exception {
    startPaastis();
    byte[] body = new byte[1024 * 1024];
    new Random(42).nextBytes(body);

    Response response =
        post("sleepy.proxy.test", "/upload?x=1&y=two", Buffer.buffer(body), Map.of());

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().getLong("bodyLength")).isEqualTo(body.length);
    assertThat(response.json().getString("sha256")).isEqualTo(sha256(body));
    assertThat(response.json().getString("method")).isEqualTo("POST");
    assertThat(response.json().getString("query")).isEqualTo("x=1&y=two");
    assertThat(provider.starts).hasValue(1);
    assertThat(eventTypes()).containsSubsequence(EventType.APP_STARTING, EventType.APP_STARTED);
    Event started =
        paastis.events().recent(10).await().stream()
            .filter(e -> e.type() == EventType.APP_STARTED)
            .findFirst()
            .orElseThrow();
    assertThat(started.details()).containsKey("durationMs");
  }

  @Test
  void two_hundred_concurrent_requests_to_a_sleeping_app_cause_exactly_one_start()
      throws Exception {
    provider.setStartDelay(Duration.ofMillis(500));
    startPaastis();

    List<Future<Response>> responses = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      responses.add(
          TestHttp.send(
              client,
              paastis.port(),
              HttpMethod.GET,
              "sleepy.proxy.test",
              "/n/" + i,
              Map.of(),
              null));
    }

    for (Future<Response> response : responses) {
      assertThat(result(response).status()).isEqualTo(200);
    }
    assertThat(provider.starts).hasValue(1);
    assertThat(upstream.requests).hasValueGreaterThanOrEqualTo(200);
  }

  @Test
  void an_idle_app_is_stopped_at_the_next_tick_and_its_formation_restored_at_the_next_wake()
      throws Exception {
    provider.withApp(
        "busy", upstream.uri(), AppState.RUNNING, Formation.of(Map.of("web", 2, "worker", 1)));
    startPaastis(configs -> configs.maxIdleTime = Duration.ofMinutes(5));
    assertThat(paastis.registry().get("busy").await()).isPresent();

    clock.advance(Duration.ofMinutes(4));
    paastis.tick().await();
    assertThat(provider.stateOf("busy")).isEqualTo(AppState.RUNNING);

    clock.advance(Duration.ofMinutes(2));
    paastis.tick().await();
    assertThat(provider.stateOf("busy")).isEqualTo(AppState.STOPPED);
    assertThat(eventTypes()).contains(EventType.APP_DISCOVERED, EventType.APP_STOPPED);

    Response response = TestHttp.get(client, paastis.port(), "busy.example.org", "/");
    assertThat(response.status()).isEqualTo(200);
    assertThat(provider.startedWith).containsExactly(Formation.of(Map.of("web", 2, "worker", 1)));
    assertThat(provider.formationOf("busy")).isEqualTo(Formation.of(Map.of("web", 2, "worker", 1)));
  }

  @Test
  void an_app_is_not_stopped_while_a_request_is_in_flight() throws Exception {
    provider.withRunningApp("busy", upstream.uri());
    startPaastis(configs -> configs.maxIdleTime = Duration.ofMinutes(1));
    Future<Response> slow =
        TestHttp.send(
            client, paastis.port(), HttpMethod.GET, "busy.test", "/slow?ms=1500", Map.of(), null);
    await().until(() -> paastis.lifecycle().catalog().inFlight("busy") == 1);

    clock.advance(Duration.ofMinutes(2));
    paastis.tick().await();
    assertThat(provider.stateOf("busy")).isEqualTo(AppState.RUNNING);

    assertThat(result(slow).text()).isEqualTo("slow done");
    await().until(() -> paastis.lifecycle().catalog().inFlight("busy") == 0);
    clock.advance(Duration.ofMinutes(2));
    paastis.tick().await();
    assertThat(provider.stateOf("busy")).isEqualTo(AppState.STOPPED);
  }

  @Test
  void an_app_is_not_stopped_while_a_websocket_is_open() throws Exception {
    provider.withRunningApp("chat", upstream.uri());
    startPaastis(configs -> configs.maxIdleTime = Duration.ofMinutes(1));
    WebSocket socket = chatSocket(List.of());
    assertEchoes(socket);

    clock.advance(Duration.ofMinutes(2));
    paastis.tick().await();
    assertThat(provider.stateOf("chat")).isEqualTo(AppState.RUNNING);

    socket.close().await();
    await().until(() -> paastis.lifecycle().catalog().inFlight("chat") == 0);
    clock.advance(Duration.ofMinutes(2));
    paastis.tick().await();
    assertThat(provider.stateOf("chat")).isEqualTo(AppState.STOPPED);
  }

  @Test
  void a_websocket_client_gets_the_subprotocol_the_upstream_chose() throws Exception {
    provider.withRunningApp("chat", upstream.uri());
    startPaastis();

    WebSocket socket = chatSocket(List.of("graphql-transport-ws", TestUpstream.SUBPROTOCOL));

    assertThat(socket.subProtocol()).isEqualTo(TestUpstream.SUBPROTOCOL);
    assertEchoes(socket);
    socket.close().await();
  }

  /** A WebSocket to the app {@code chat} through Paastis, offering these subprotocols. */
  private WebSocket chatSocket(List<String> subProtocols) throws Exception {
    return result(
        webSockets.connect(
            new WebSocketConnectOptions()
                .setHost("127.0.0.1")
                .setPort(paastis.port())
                .setURI("/ws")
                .addHeader("host", "chat.proxy.test")
                .setSubProtocols(subProtocols)));
  }

  private static void assertEchoes(WebSocket socket) {
    List<String> echoes = new java.util.concurrent.CopyOnWriteArrayList<>();
    socket.textMessageHandler(echoes::add);
    socket.writeTextMessage("ping");
    await().until(() -> echoes.contains("ping"));
  }

  @Test
  void an_unknown_app_gets_a_404_naming_it_as_json_for_api_clients_and_html_for_browsers()
      throws Exception {
    startPaastis();

    Response api = TestHttp.get(client, paastis.port(), "nope.proxy.test", "/");
    assertThat(api.status()).isEqualTo(404);
    assertThat(api.headers().get("content-type")).isEqualTo("application/problem+json");
    assertThat(api.json().getString("app")).isEqualTo("nope");
    assertThat(api.json().getString("detail")).contains("nope");

    Response browser =
        result(
            TestHttp.send(
                client,
                paastis.port(),
                HttpMethod.GET,
                "nope.proxy.test",
                "/",
                Map.of("accept", "text/html,application/xhtml+xml"),
                null));
    assertThat(browser.status()).isEqualTo(404);
    assertThat(browser.headers().get("content-type")).startsWith("text/html");
    assertThat(browser.text()).contains("nope");
  }

  @Test
  void a_request_without_host_gets_400() throws Exception {
    startPaastis();
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", paastis.port())) {
      socket.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes());
      String answer = new String(socket.getInputStream().readAllBytes());
      assertThat(answer).startsWith("HTTP/1.0 400").contains("Host");
    }
  }

  @Test
  void a_start_that_times_out_gives_503_with_retry_after_then_the_next_request_succeeds()
      throws Exception {
    provider = new FakeProvider(vertx, "fake", Duration.ofMillis(800));
    provider.withStoppedApp("slowpoke", upstream.uri());
    provider.setNeverReady(true);
    startPaastis();

    Response timedOut = TestHttp.get(client, paastis.port(), "slowpoke.test", "/");
    assertThat(timedOut.status()).isEqualTo(503);
    assertThat(timedOut.headers().get("retry-after")).isNotBlank();
    assertThat(eventTypes()).contains(EventType.APP_START_FAILED);

    provider.setNeverReady(false);
    Response retried = TestHttp.get(client, paastis.port(), "slowpoke.test", "/");
    assertThat(retried.status()).isEqualTo(200);
    assertThat(provider.starts).hasValue(2);
  }

  @Test
  void browsers_get_a_self_refreshing_waking_page_naming_the_app_while_it_starts()
      throws Exception {
    provider.setStartDelay(Duration.ofMillis(300));
    startPaastis();

    Response page = browserGet("sleepy.proxy.test");

    assertThat(page.status()).isEqualTo(503);
    assertThat(page.text()).contains("sleepy").contains("http-equiv=\"refresh\"");
    await().until(() -> provider.stateOf("sleepy") == AppState.RUNNING);
    await()
        .untilAsserted(() -> assertThat(browserGet("sleepy.proxy.test").status()).isEqualTo(200));
  }

  @Test
  void a_browser_asking_for_an_app_that_already_runs_is_served_without_the_page() throws Exception {
    startPaastis();
    provider.withRunningApp("started-by-hand", upstream.uri()); // not seen by a tick yet

    Response page = browserGet("started-by-hand.test");

    assertThat(page.status()).isEqualTo(200);
    assertThat(provider.starts).hasValue(0);
  }

  @Test
  void with_the_blocking_strategy_browsers_wait_for_the_app_like_api_clients() throws Exception {
    startPaastis(configs -> configs.wakeStrategy = WakeStrategy.BLOCKING);

    Response page = browserGet("sleepy.proxy.test");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.json().getString("path")).isEqualTo("/");
  }

  @Test
  void with_the_page_strategy_every_get_gets_the_waking_page() throws Exception {
    startPaastis(configs -> configs.wakeStrategy = WakeStrategy.PAGE);

    Response page = TestHttp.get(client, paastis.port(), "sleepy.proxy.test", "/");

    assertThat(page.status()).isEqualTo(503);
    assertThat(page.text()).contains("Waking up");
  }

  @Test
  void forwarding_rewrites_host_sets_forwarded_headers_and_strips_hop_by_hop_ones()
      throws Exception {
    provider.withRunningApp("web", upstream.uri());
    startPaastis();

    Response own =
        result(
            TestHttp.send(
                client,
                paastis.port(),
                HttpMethod.PUT,
                "web.proxy.test",
                "/echo?q=1",
                Map.of(
                    "origin", "http://web.proxy.test",
                    "x-custom", "kept",
                    "connection", "keep-alive, x-drop-me",
                    "x-drop-me", "secret",
                    "keep-alive", "timeout=5"),
                Buffer.buffer("hello")));
    var headers = own.json().getJsonObject("headers");
    assertThat(own.json().getString("method")).isEqualTo("PUT");
    assertThat(headers.getJsonArray("host").getString(0)).isEqualTo(upstream.uri().getAuthority());
    assertThat(headers.getJsonArray("origin").getString(0)).isEqualTo(upstream.uri().toString());
    assertThat(headers.getJsonArray("x-forwarded-host").getString(0)).isEqualTo("web.proxy.test");
    assertThat(headers.getJsonArray("x-forwarded-proto").getString(0)).isEqualTo("http");
    assertThat(headers.getJsonArray("x-forwarded-for").getString(0)).isEqualTo("127.0.0.1");
    assertThat(headers.getJsonArray("x-custom").getString(0)).isEqualTo("kept");
    assertThat(headers.containsKey("x-drop-me")).isFalse();
    assertThat(headers.containsKey("keep-alive")).isFalse();

    Response foreign =
        result(
            TestHttp.send(
                client,
                paastis.port(),
                HttpMethod.GET,
                "web.proxy.test",
                "/",
                Map.of("origin", "https://elsewhere.example"),
                null));
    assertThat(foreign.json().getJsonObject("headers").getJsonArray("origin").getString(0))
        .isEqualTo("https://elsewhere.example");
  }

  @Test
  void head_requests_get_the_upstream_headers_without_a_body() throws Exception {
    provider.withRunningApp("web", upstream.uri());
    startPaastis();

    Response head =
        result(
            TestHttp.send(
                client, paastis.port(), HttpMethod.HEAD, "web.test", "/", Map.of(), null));

    assertThat(head.status()).isEqualTo(200);
    assertThat(head.headers().get("content-type")).isEqualTo("application/json");
    assertThat(head.body().length()).isZero();
  }

  @Test
  void linked_apps_wake_together_with_the_app_that_names_them() throws Exception {
    TestUpstream back = TestUpstream.start(vertx);
    back.servesWhile(() -> provider.serves(back.uri()));
    provider.withStoppedApp("shop-pr12-back", back.uri());
    provider.withStoppedApp("shop-pr12-front", upstream.uri());
    startPaastis(
        configs ->
            configs.rules.add(
                Rule.matching("^shop-pr(\\d+)-front$").withLinkedApps(List.of("shop-pr$1-back"))));

    Response response = TestHttp.get(client, paastis.port(), "shop-pr12-front.test", "/");

    assertThat(response.status()).isEqualTo(200);
    assertThat(provider.stateOf("shop-pr12-back")).isEqualTo(AppState.RUNNING);
    assertThat(provider.starts).hasValue(2);
  }

  @Test
  void a_linked_worker_without_a_web_url_wakes_as_a_started_app() throws Exception {
    provider.withStoppedApp("shop-pr12-front", upstream.uri());
    provider.withApp("shop-pr12-worker", null, AppState.STOPPED, Formation.of(Map.of("worker", 0)));
    startPaastis(
        configs ->
            configs.rules.add(
                Rule.matching("^shop-pr(\\d+)-front$")
                    .withLinkedApps(List.of("shop-pr$1-worker"))));

    Response response = TestHttp.get(client, paastis.port(), "shop-pr12-front.test", "/");

    assertThat(response.status()).isEqualTo(200);
    await()
        .untilAsserted(
            () ->
                assertThat(paastis.events().recent(50).await())
                    .filteredOn(event -> event.app().equals("shop-pr12-worker"))
                    .extracting(Event::type)
                    .contains(EventType.APP_STARTED)
                    .doesNotContain(EventType.APP_START_FAILED));
    assertThat(provider.stateOf("shop-pr12-worker")).isEqualTo(AppState.RUNNING);
  }

  @Test
  void a_linked_app_stays_awake_while_the_app_naming_it_is_in_use() throws Exception {
    TestUpstream back = TestUpstream.start(vertx);
    back.servesWhile(() -> provider.serves(back.uri()));
    provider.withStoppedApp("shop-pr12-back", back.uri());
    provider.withStoppedApp("shop-pr12-front", upstream.uri());
    startPaastis(
        configs -> {
          configs.maxIdleTime = Duration.ofMinutes(1);
          configs.rules.add(
              Rule.matching("^shop-pr(\\d+)-front$").withLinkedApps(List.of("shop-pr$1-back")));
        });
    TestHttp.get(client, paastis.port(), "shop-pr12-front.test", "/");
    await().until(() -> paastis.registry().get("shop-pr12-back").await().isPresent());

    clock.advance(Duration.ofSeconds(50));
    TestHttp.get(client, paastis.port(), "shop-pr12-front.test", "/");
    clock.advance(Duration.ofSeconds(50));
    paastis.tick().await();

    assertThat(provider.stateOf("shop-pr12-back")).isEqualTo(AppState.RUNNING);
    assertThat(provider.stateOf("shop-pr12-front")).isEqualTo(AppState.RUNNING);

    // the lease of the last request may be released just after its response reached us
    await().until(() -> paastis.lifecycle().catalog().inFlight("shop-pr12-front") == 0);
    clock.advance(Duration.ofMinutes(2));
    paastis.tick().await();

    assertThat(provider.stateOf("shop-pr12-front")).isEqualTo(AppState.STOPPED);
    assertThat(provider.stateOf("shop-pr12-back")).isEqualTo(AppState.STOPPED);
  }

  @Test
  void an_app_running_at_its_provider_while_paastis_wakes_it_is_not_discovered() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    provider.withStoppedApp("deaf", URI.create("http://127.0.0.1:" + closedPort));
    startPaastis();

    // its upstream never answers: the wake waits, with the provider reporting it running
    TestHttp.send(client, paastis.port(), HttpMethod.GET, "deaf.proxy.test", "/", Map.of(), null);
    await().until(() -> provider.stateOf("deaf") == AppState.RUNNING);
    paastis.tick().await();

    assertThat(paastis.events().recent(50).await())
        .filteredOn(event -> event.app().equals("deaf"))
        .extracting(Event::type)
        .doesNotContain(EventType.APP_DISCOVERED);
    assertThat(paastis.registry().get("deaf").await()).isEmpty();
  }

  @Test
  void a_rule_can_route_a_host_label_to_another_app() throws Exception {
    startPaastis(configs -> configs.rules.add(Rule.matching("^demo$").withAppName("sleepy")));

    Response response = TestHttp.get(client, paastis.port(), "demo.proxy.test", "/");

    assertThat(response.status()).isEqualTo(200);
    assertThat(provider.stateOf("sleepy")).isEqualTo(AppState.RUNNING);
  }

  @Test
  void ignored_apps_are_neither_registered_nor_stopped() throws Exception {
    provider.withRunningApp("paastis-itself", upstream.uri());
    startPaastis(
        configs -> {
          configs.ignoredApps.add("paastis-*");
          configs.maxIdleTime = Duration.ofMinutes(1);
        });

    clock.advance(Duration.ofMinutes(5));
    paastis.tick().await();

    assertThat(paastis.registry().get("paastis-itself").await()).isEmpty();
    assertThat(provider.stateOf("paastis-itself")).isEqualTo(AppState.RUNNING);
  }

  @Test
  void an_app_gone_from_its_provider_is_unregistered() throws Exception {
    provider.withRunningApp("ephemeral", upstream.uri());
    startPaastis();
    assertThat(paastis.registry().get("ephemeral").await()).isPresent();

    provider.remove("ephemeral");
    paastis.tick().await();

    assertThat(paastis.registry().get("ephemeral").await()).isEmpty();
    assertThat(eventTypes()).contains(EventType.APP_UNREGISTERED);
  }

  @Test
  void a_request_to_a_running_app_makes_no_provider_call() throws Exception {
    provider.withRunningApp("hot", upstream.uri());
    startPaastis();
    int statusBefore = provider.statusCalls.get();
    int listBefore = provider.listCalls.get();

    for (int i = 0; i < 20; i++) {
      assertThat(TestHttp.get(client, paastis.port(), "hot.test", "/").status()).isEqualTo(200);
    }

    assertThat(provider.statusCalls.get()).isEqualTo(statusBefore);
    assertThat(provider.listCalls.get()).isEqualTo(listBefore);
  }

  @Test
  void hooks_run_around_starts_and_stops_with_the_app_provider_and_phase(@TempDir Path dir)
      throws Exception {
    Path log = dir.resolve("hooks.log");
    String hook = "echo \"$PAASTIS_PHASE $PAASTIS_APP_NAME $PAASTIS_PROVIDER\" >> '" + log + "'";
    startPaastis(
        configs -> {
          configs.maxIdleTime = Duration.ofMinutes(1);
          configs.hooks =
              new HooksConfig(
                  Optional.of(hook),
                  Optional.of(hook),
                  Optional.of(hook),
                  Optional.of(hook),
                  Duration.ofSeconds(10));
        });

    assertThat(TestHttp.get(client, paastis.port(), "sleepy.test", "/").status()).isEqualTo(200);
    // after-start runs in the background: let it finish before the stop
    await().until(() -> Files.exists(log) && Files.readAllLines(log).size() == 2);
    clock.advance(Duration.ofMinutes(2));
    paastis.tick().await();

    await()
        .untilAsserted(
            () ->
                assertThat(Files.readAllLines(log))
                    .containsExactly(
                        "before-start sleepy fake",
                        "after-start sleepy fake",
                        "before-stop sleepy fake",
                        "after-stop sleepy fake"));
  }

  @Test
  void without_the_admin_listener_there_is_no_metrics_registry() throws Exception {
    startPaastis();

    assertThat(paastis.prometheusRegistry()).isEmpty();
    assertThat(TestHttp.get(client, paastis.port(), "sleepy.test", "/").status()).isEqualTo(200);
  }

  @Test
  void with_the_admin_listener_requests_wakes_provider_calls_and_apps_are_scraped()
      throws Exception {
    provider.withRunningApp("hot", upstream.uri());
    provider.withStoppedApp("later", upstream.uri());
    startPaastis(configs -> configs.adminToken = Optional.of("admin-token"));

    assertThat(TestHttp.get(client, paastis.port(), "sleepy.test", "/").status()).isEqualTo(200);
    assertThat(TestHttp.get(client, paastis.port(), "hot.test", "/").status()).isEqualTo(200);
    assertThat(TestHttp.get(client, paastis.port(), "hot.test", "/").status()).isEqualTo(200);
    assertThat(browserGet("later.test").status()).isEqualTo(503);
    assertThat(TestHttp.get(client, paastis.port(), "nope-42.test", "/").status()).isEqualTo(404);

    await()
        .untilAsserted(
            () ->
                assertThat(scrape().lines())
                    .contains(
                        "paastis_proxy_requests_total{app=\"sleepy\",status=\"2xx\"} 1.0",
                        "paastis_proxy_requests_total{app=\"hot\",status=\"2xx\"} 2.0",
                        "paastis_proxy_requests_total{app=\"later\",status=\"5xx\"} 1.0",
                        "paastis_proxy_requests_total{app=\"unknown\",status=\"4xx\"} 1.0",
                        "paastis_proxy_request_duration_seconds_count 5",
                        "paastis_wakes_total{app=\"sleepy\",outcome=\"started\"} 1.0",
                        // the waking page's wake goes on in the background
                        "paastis_wakes_total{app=\"later\",outcome=\"started\"} 1.0",
                        "paastis_wake_duration_seconds_count 2",
                        "paastis_provider_calls_total{operation=\"list\",outcome=\"success\",provider=\"fake\"} 1.0",
                        "paastis_provider_calls_total{operation=\"start\",outcome=\"success\",provider=\"fake\"} 2.0"));
    assertThat(scrape()).doesNotContain("nope-42").contains("jvm_memory_used_bytes");
  }

  @Test
  void the_apps_gauge_follows_the_catalog_with_every_state() throws Exception {
    provider.withRunningApp("hot", upstream.uri());
    startPaastis(configs -> configs.adminToken = Optional.of("admin-token"));

    assertThat(scrape().lines())
        .contains(
            "paastis_apps{state=\"running\"} 1.0",
            "paastis_apps{state=\"stopped\"} 1.0",
            "paastis_apps{state=\"failed\"} 0.0");

    assertThat(TestHttp.get(client, paastis.port(), "sleepy.test", "/").status()).isEqualTo(200);
    assertThat(scrape().lines())
        .contains("paastis_apps{state=\"running\"} 2.0", "paastis_apps{state=\"stopped\"} 0.0");
  }

  @Test
  void an_accepted_websocket_upgrade_counts_as_1xx() throws Exception {
    provider.withRunningApp("chat", upstream.uri());
    startPaastis(configs -> configs.adminToken = Optional.of("admin-token"));

    WebSocket socket = chatSocket(List.of());

    await()
        .untilAsserted(
            () ->
                assertThat(scrape().lines())
                    .contains("paastis_proxy_requests_total{app=\"chat\",status=\"1xx\"} 1.0"));
    socket.close().await();
  }

  @Test
  void with_metrics_on_a_provider_still_checks_its_credentials_at_startup() {
    provider = new CheckedProvider(vertx, true);

    assertThatThrownBy(
            () -> startPaastis(configs -> configs.adminToken = Optional.of("admin-token")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("token refused");
  }

  @Test
  void with_metrics_on_a_provider_still_gives_its_host_aliases() throws Exception {
    provider = new CheckedProvider(vertx, false);
    provider.withRunningApp("app_42", upstream.uri());
    startPaastis(configs -> configs.adminToken = Optional.of("admin-token"));

    Response response = TestHttp.get(client, paastis.port(), "app-42.test", "/");

    assertThat(response.status()).isEqualTo(200);
  }

  /** What Prometheus reads: {@code GET /metrics} on the admin listener, with its token. */
  private String scrape() throws Exception {
    Response response =
        result(
            TestHttp.send(
                client,
                paastis.adminPort(),
                HttpMethod.GET,
                "127.0.0.1",
                "/metrics",
                Map.of("authorization", "Bearer admin-token"),
                null));
    assertThat(response.status()).isEqualTo(200);
    return response.text();
  }

  /** A fake provider with both optional abilities, checked with instanceof by Paastis. */
  private static final class CheckedProvider extends FakeProvider
      implements StartupCheck, HostAliases {

    private final boolean refusesCredentials;

    CheckedProvider(Vertx vertx, boolean refusesCredentials) {
      super(vertx, "fake", Duration.ofSeconds(5));
      this.refusesCredentials = refusesCredentials;
    }

    @Override
    public Future<Void> verify() {
      return refusesCredentials
          ? Future.failedFuture(new CredentialsRejectedException("fake", "token refused"))
          : Future.succeededFuture();
    }

    @Override
    public List<Rule> hostRules() {
      return List.of(Rule.matching("^app-(\\d+)$").withAppName("app_$1"));
    }
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
