package dev.paastis.internal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paastis.app.Formation;
import dev.paastis.events.Event;
import dev.paastis.events.EventType;
import dev.paastis.internal.events.memory.InMemoryEventStore;
import dev.paastis.internal.registry.memory.InMemoryRegistry;
import dev.paastis.registry.ManagedApp;
import dev.paastis.testing.TestHttp;
import dev.paastis.testing.TestHttp.Response;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/savings} with costs per hour and a long synthetic history, served on loopback and
 * called with a real client; the token and the listener's wiring are {@link AdminApiTest}'s.
 */
class SavingsApiTest {

  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
  private static final Instant MONTH_AGO = NOW.minus(Duration.ofDays(30));

  private final Vertx vertx = Vertx.vertx();
  private final InMemoryEventStore events = new InMemoryEventStore(20_000);
  private final InMemoryRegistry registry = new InMemoryRegistry();
  private HttpClient client;
  private int port;

  private final Map<String, BigDecimal> costs =
      Map.of("shop", new BigDecimal("0.05"), "blog", new BigDecimal("0.10"));

  @BeforeEach
  void setUp() {
    client = vertx.createHttpClient();
  }

  @AfterEach
  void tearDown() {
    vertx.close().await();
  }

  private void serve(Duration retention) {
    Function<String, Optional<BigDecimal>> costPerHour = key -> Optional.ofNullable(costs.get(key));
    SavingsApi api =
        new SavingsApi(
            registry,
            () -> List.of("listed-never-tracked", "stopped-before-a-restart"),
            events,
            costPerHour,
            retention,
            Clock.fixed(NOW, ZoneOffset.UTC));
    Router router = Router.router(vertx);
    api.mount(router);
    router.route().failureHandler(context -> Problem.fail(context, context.failure()));
    port =
        vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await().actualPort();
  }

  private Response get(String path) throws Exception {
    return TestHttp.send(client, port, HttpMethod.GET, "127.0.0.1", path, Map.of(), null)
        .toCompletionStage()
        .toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
  }

  private void recorded(EventType type, String app, Instant at) {
    events.append(new Event(type, app, "fake", at, Map.of())).await();
  }

  private void tracked(String app, boolean asleep) {
    ManagedApp entry =
        ManagedApp.registered(app, "fake", Optional.empty(), Duration.ofMinutes(15), MONTH_AGO);
    registry.put(asleep ? entry.stopped(Formation.EMPTY, MONTH_AGO) : entry).await();
  }

  @Test
  void the_saving_of_each_app_is_its_hours_asleep_times_its_cost_and_the_total_adds_them()
      throws Exception {
    // shop: awake from before the window, stopped 12.5 h into it, asleep since
    recorded(EventType.APP_STARTED, "shop", MONTH_AGO.minus(Duration.ofDays(2)));
    recorded(EventType.APP_STOPPED, "shop", MONTH_AGO.plus(Duration.ofMinutes(750)));
    tracked("shop", true);
    // blog: asleep all month, its stop pruned long ago; the registry says it sleeps
    tracked("blog", true);
    // api: awake all month, no cost set
    tracked("api", false);
    // an app the registry forgot at a restart, asleep since before the window: the provider lists
    // it
    recorded(EventType.APP_STOPPED, "stopped-before-a-restart", MONTH_AGO.minusSeconds(1));
    serve(Duration.ofDays(30));

    Response response = get("/api/savings?since=30d");

    assertThat(response.status()).as(response.text()).isEqualTo(200);
    JsonObject body = response.json();
    assertThat(body.getString("since")).isEqualTo(MONTH_AGO.toString());
    assertThat(body.getString("until")).isEqualTo(NOW.toString());
    assertThat(body.getJsonArray("apps"))
        .isEqualTo(
            new JsonArray()
                .add(
                    new JsonObject()
                        .put("app", "api")
                        .put("hours_awake", 720.0)
                        .put("hours_asleep", 0.0)
                        .put("wakes", 0)
                        .putNull("cost_per_hour")
                        .putNull("saving"))
                .add(
                    new JsonObject()
                        .put("app", "blog")
                        .put("hours_awake", 0.0)
                        .put("hours_asleep", 720.0)
                        .put("wakes", 0)
                        .put("cost_per_hour", "0.10")
                        .put("saving", "72.00"))
                .add(
                    new JsonObject()
                        .put("app", "shop")
                        .put("hours_awake", 12.5)
                        .put("hours_asleep", 707.5)
                        .put("wakes", 0)
                        .put("cost_per_hour", "0.05")
                        .put("saving", "35.38")) // 35.375, half up
                .add(
                    new JsonObject()
                        .put("app", "stopped-before-a-restart")
                        .put("hours_awake", 0.0)
                        .put("hours_asleep", 720.0)
                        .put("wakes", 0)
                        .putNull("cost_per_hour")
                        .putNull("saving")));
    assertThat(body.getJsonObject("totals"))
        .isEqualTo(
            new JsonObject()
                .put("hours_awake", 732.5)
                .put("hours_asleep", 2147.5)
                .put("wakes", 0)
                .put("saving", "107.38"));
  }

  @Test
  void a_history_longer_than_one_page_of_events_is_read_through_every_page() throws Exception {
    tracked("shop", false);
    recorded(EventType.APP_REGISTERED, "shop", MONTH_AGO.minus(Duration.ofDays(1)));
    // 2,000 naps of 6 min, one every 12 min from the window's opening: 4,000 events, 4 pages
    for (int i = 0; i < 2000; i++) {
      Instant nap = MONTH_AGO.plus(Duration.ofMinutes(12L * i));
      recorded(EventType.APP_STOPPED, "shop", nap);
      recorded(EventType.APP_STARTING, "shop", nap.plus(Duration.ofMinutes(6)));
    }
    serve(Duration.ofDays(30));

    JsonObject shop = get("/api/savings").json().getJsonArray("apps").getJsonObject(0);

    assertThat(shop.getInteger("wakes")).isEqualTo(2000);
    assertThat(shop.getDouble("hours_asleep")).isEqualTo(200.0);
    assertThat(shop.getDouble("hours_awake")).isEqualTo(520.0);
    assertThat(shop.getString("saving")).isEqualTo("10.00");
  }

  @Test
  void the_window_is_at_most_the_events_retention_and_defaults_to_it_when_shorter()
      throws Exception {
    serve(Duration.ofDays(7));

    Response tooLong = get("/api/savings?since=8d");
    JsonObject byDefault = get("/api/savings").json();
    JsonObject halfDay = get("/api/savings?since=12h").json();

    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.json().getString("detail"))
        .contains("since=8d is not accepted", "from 1s to 7d (EVENTS_RETENTION");
    assertThat(byDefault.getString("since")).isEqualTo(NOW.minus(Duration.ofDays(7)).toString());
    assertThat(byDefault.getJsonArray("apps")).isEmpty();
    assertThat(byDefault.getJsonObject("totals").getValue("saving")).isNull();
    assertThat(halfDay.getString("since")).isEqualTo(NOW.minus(Duration.ofHours(12)).toString());
  }
}
