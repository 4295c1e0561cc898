package dev.paastis.provider.scalingo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paastis.testing.TestHttp;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FakeScalingoApiTest {

  private static final String API_TOKEN = "tk-us-scalingo-test-token";
  private static final String FR = "osc-fr1";
  private static final String SECNUM = "osc-secnum-fr1";

  private final Vertx vertx = Vertx.vertx();
  private final HttpClient client = vertx.createHttpClient();
  private FakeScalingoApi scalingo;
  private String bearer;

  @BeforeEach
  void startTheFake() throws Exception {
    scalingo = FakeScalingoApi.start(vertx, API_TOKEN, List.of(FR, SECNUM));
    bearer = exchange(API_TOKEN).json().getString("token");
  }

  @AfterEach
  void stop() {
    scalingo.close();
    vertx.close().await();
  }

  @Test
  void theExchangeTurnsTheApiTokenIntoAJwtThatExpiresInAnHour() throws Exception {
    TestHttp.Response response = exchange(API_TOKEN);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.headers().get("Content-Type")).isEqualTo("application/json");
    String token = response.json().getString("token");
    String[] parts = token.split("\\.");
    assertThat(parts).hasSize(3);
    assertThat(jwtPart(parts[0])).isEqualTo(new JsonObject().put("alg", "HS256").put("typ", "JWT"));
    JsonObject claims = jwtPart(parts[1]);
    long now = Instant.now().getEpochSecond();
    assertThat(claims.getLong("iat")).isBetween(now - 5, now);
    assertThat(claims.getLong("exp") - claims.getLong("iat")).isBetween(3599L, 3600L);
    assertThat(token).isNotEqualTo(bearer);
    assertThat(scalingo.exchangeCount()).isEqualTo(2);
  }

  @Test
  void aWrongOrMissingApiTokenIsRefused() throws Exception {
    TestHttp.Response wrong = exchange("tk-us-wrong");
    TestHttp.Response missing =
        call(HttpMethod.POST, scalingo.authUrl(), "/v1/tokens/exchange", Map.of(), null);

    for (TestHttp.Response response : List.of(wrong, missing)) {
      assertThat(response.status()).isEqualTo(401);
      assertThat(response.json().getString("error")).isNotBlank();
    }
    assertThat(scalingo.exchangeCount()).isEqualTo(1);
  }

  @Test
  void aRegionalCallNeedsAValidBearer() throws Exception {
    TestHttp.Response none = call(HttpMethod.GET, scalingo.apiUrl(FR), "/v1/apps", Map.of(), null);
    TestHttp.Response forged =
        call(
            HttpMethod.GET,
            scalingo.apiUrl(FR),
            "/v1/apps",
            Map.of("Authorization", "Bearer " + bearer + "x"),
            null);
    TestHttp.Response basic =
        call(
            HttpMethod.GET,
            scalingo.apiUrl(FR),
            "/v1/apps",
            Map.of("Authorization", basic(API_TOKEN)),
            null);

    for (TestHttp.Response response : List.of(none, forged, basic)) {
      assertThat(response.status()).isEqualTo(401);
      assertThat(response.json()).isEqualTo(new JsonObject().put("error", "not authenticated"));
    }
    assertThat(get(FR, "/v1/apps").status()).isEqualTo(200);
  }

  @Test
  void anExpiredBearerIsRefusedAndANewExchangeWorks() throws Exception {
    assertThat(get(FR, "/v1/apps").status()).isEqualTo(200);

    scalingo.expireAllBearers();
    assertThat(get(FR, "/v1/apps").status()).isEqualTo(401);

    bearer = exchange(API_TOKEN).json().getString("token");
    assertThat(get(FR, "/v1/apps").status()).isEqualTo(200);
  }

  @Test
  void aShortLifetimeIsWrittenInExpAndEnforced() throws Exception {
    scalingo.setBearerLifetime(Duration.ofSeconds(1));
    bearer = exchange(API_TOKEN).json().getString("token");
    JsonObject claims = jwtPart(bearer.split("\\.")[1]);

    assertThat(claims.getLong("exp") - claims.getLong("iat")).isBetween(0L, 1L);
    assertThat(get(FR, "/v1/apps").status()).isEqualTo(200);
    await()
        .atMost(5, TimeUnit.SECONDS)
        .untilAsserted(() -> assertThat(get(FR, "/v1/apps").status()).isEqualTo(401));
  }

  @Test
  void theAuthServiceListsTheRegionsWithTheirApiUrls() throws Exception {
    TestHttp.Response response =
        call(HttpMethod.GET, scalingo.authUrl(), "/v1/regions", authorized(), null);

    JsonArray regions = response.json().getJsonArray("regions");
    assertThat(regions).hasSize(2);
    assertThat(regions.getJsonObject(0).getString("name")).isEqualTo(FR);
    assertThat(regions.getJsonObject(1).getString("api"))
        .isEqualTo(scalingo.apiUrl(SECNUM).toString());
  }

  @Test
  void eachRegionListsItsOwnApps() throws Exception {
    String id = scalingo.addApp(FR, "shop", "https://shop.osc-fr1.scalingo.io", Map.of("web", 1));
    scalingo.addApp(FR, "blog", null, Map.of("web", 0));
    scalingo.addApp(SECNUM, "vault", null, Map.of("web", 2, "worker", 1));

    assertThat(names(get(FR, "/v1/apps"))).containsExactly("blog", "shop");
    assertThat(names(get(SECNUM, "/v1/apps"))).containsExactly("vault");
    JsonObject shop = get(FR, "/v1/apps/shop").json().getJsonObject("app");
    assertThat(get(FR, "/v1/apps/" + id).json().getJsonObject("app")).isEqualTo(shop);
    assertThat(shop.getString("id")).isEqualTo(id).matches("[0-9a-f]{24}");
    assertThat(shop.getString("region")).isEqualTo(FR);
    assertThat(shop.getString("status")).isEqualTo("running");
    assertThat(shop.getString("url")).isEqualTo("https://shop.osc-fr1.scalingo.io");
    assertThat(shop.getString("created_at"))
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}[+-]\\d\\d:\\d\\d");
    assertThat(shop.fieldNames())
        .contains("updated_at", "git_url", "base_url", "owner", "last_deployed_at", "links");
    JsonObject blog = get(FR, "/v1/apps/blog").json().getJsonObject("app");
    assertThat(blog.getString("status")).isEqualTo("stopped");
    assertThat(blog.containsKey("url")).isTrue();
    assertThat(blog.getValue("url")).isNull();
    assertThat(get(FR, "/v1/apps/vault").status()).isEqualTo(404);
  }

  @Test
  void containersGiveTheFormationAndPsOneContainerPerAmount() throws Exception {
    scalingo.addApp(FR, "shop", null, Map.of("web", 2, "worker", 0));

    JsonArray formation = get(FR, "/v1/apps/shop/containers").json().getJsonArray("containers");
    JsonArray ps = get(FR, "/v1/apps/shop/ps").json().getJsonArray("containers");

    assertThat(amounts(formation)).isEqualTo(Map.of("web", 2, "worker", 0));
    assertThat(formation.getJsonObject(0).getString("size")).isEqualTo("M");
    assertThat(formation.getJsonObject(0).fieldNames()).contains("id", "app_id", "command");
    assertThat(ps).hasSize(2);
    JsonObject web1 = ps.getJsonObject(0);
    assertThat(web1.getString("type")).isEqualTo("web");
    assertThat(web1.getInteger("type_index")).isEqualTo(1);
    assertThat(web1.getString("label")).isEqualTo("web-1");
    assertThat(web1.getString("state")).isEqualTo("running");
    assertThat(web1.getJsonObject("container_size").getString("name")).isEqualTo("M");
    assertThat(ps.getJsonObject(1).getInteger("type_index")).isEqualTo(2);
  }

  @Test
  void aScaleIsAnOperationThatEndsWithTheAppStoppedThenRunning() throws Exception {
    scalingo.setOperationDelay(Duration.ofMillis(600));
    scalingo.addApp(FR, "shop", null, Map.of("web", 2, "worker", 1));

    TestHttp.Response stop =
        post(FR, "/v1/apps/shop/scale", "{\"containers\":[{\"name\":\"web\",\"amount\":0}]}");

    assertThat(stop.status()).isEqualTo(202);
    assertThat(amounts(stop.json().getJsonArray("containers")))
        .isEqualTo(Map.of("web", 0, "worker", 1));
    String location = stop.headers().get("Location");
    assertThat(location).startsWith(scalingo.apiUrl(FR) + "/v1/apps/shop/operations/");
    assertThat(scalingo.statusOf(FR, "shop")).isEqualTo("scaling");
    assertThat(get(FR, "/v1/apps/shop").json().getJsonObject("app").getString("status"))
        .isEqualTo("scaling");
    assertThat(states(get(FR, "/v1/apps/shop/ps")))
        .containsExactly("web-1:stopping", "web-2:stopping", "worker-1:running");
    JsonObject pending = operation(location);
    assertThat(pending.getString("status")).isEqualTo("pending");
    assertThat(pending.getString("type")).isEqualTo("scale");
    assertThat(pending.getString("id"))
        .isEqualTo(location.substring(location.lastIndexOf('/') + 1));
    assertThat(pending.getValue("finished_at")).isNull();
    assertThat(pending.getString("created_at")).isNotBlank();
    await()
        .atMost(5, TimeUnit.SECONDS)
        .untilAsserted(
            () -> assertThat(operation(location).getString("status")).isEqualTo("running"));
    await()
        .atMost(5, TimeUnit.SECONDS)
        .untilAsserted(() -> assertThat(operation(location).getString("status")).isEqualTo("done"));
    assertThat(operation(location).getString("finished_at")).isNotBlank();
    assertThat(operation(location).getValue("error")).isNull();
    assertThat(scalingo.statusOf(FR, "shop")).isEqualTo("running");
    assertThat(states(get(FR, "/v1/apps/shop/ps"))).containsExactly("worker-1:running");

    TestHttp.Response all =
        post(
            FR,
            "/v1/apps/shop/scale",
            "{\"containers\":[{\"name\":\"web\",\"amount\":0},{\"name\":\"worker\",\"amount\":0}]}");
    assertThat(all.status()).isEqualTo(202);
    await()
        .atMost(5, TimeUnit.SECONDS)
        .until(() -> scalingo.statusOf(FR, "shop").equals("stopped"));
    assertThat(get(FR, "/v1/apps/shop/ps").json().getJsonArray("containers")).isEmpty();

    TestHttp.Response start =
        post(
            FR,
            "/v1/apps/"
                + get(FR, "/v1/apps/shop").json().getJsonObject("app").getString("id")
                + "/scale",
            "{\"containers\":[{\"name\":\"web\",\"amount\":1,\"size\":\"L\"}]}");
    assertThat(start.status()).isEqualTo(202);
    assertThat(states(get(FR, "/v1/apps/shop/ps"))).containsExactly("web-1:booting");
    await()
        .atMost(5, TimeUnit.SECONDS)
        .until(() -> scalingo.statusOf(FR, "shop").equals("running"));
    assertThat(scalingo.formationOf(FR, "shop")).isEqualTo(Map.of("web", 1, "worker", 0));
    assertThat(states(get(FR, "/v1/apps/shop/ps"))).containsExactly("web-1:running");
    assertThat(
            get(FR, "/v1/apps/shop/containers")
                .json()
                .getJsonArray("containers")
                .getJsonObject(0)
                .getString("size"))
        .isEqualTo("L");
  }

  @Test
  void aNeverDeployedAppIsScaledAtOnceWithoutAnOperation() throws Exception {
    scalingo.addNewApp(FR, "fresh");
    scalingo.addNewApp(FR, "declared", Map.of("web", 1));

    assertThat(get(FR, "/v1/apps/fresh").json().getJsonObject("app").getString("status"))
        .isEqualTo("new");
    assertThat(get(FR, "/v1/apps/fresh/containers").json().getJsonArray("containers")).isEmpty();
    TestHttp.Response empty = post(FR, "/v1/apps/fresh/scale", "{\"containers\":[]}");
    TestHttp.Response declared =
        post(FR, "/v1/apps/declared/scale", "{\"containers\":[{\"name\":\"web\",\"amount\":0}]}");

    assertThat(empty.status()).isEqualTo(200);
    assertThat(empty.headers().get("Location")).isNull();
    assertThat(empty.json()).isEqualTo(new JsonObject().put("containers", new JsonArray()));
    assertThat(declared.status()).isEqualTo(200);
    assertThat(declared.headers().get("Location")).isNull();
    assertThat(amounts(declared.json().getJsonArray("containers"))).isEqualTo(Map.of("web", 0));
    assertThat(scalingo.statusOf(FR, "declared")).isEqualTo("new");
    assertThat(get(FR, "/v1/apps/declared/ps").json().getJsonArray("containers")).isEmpty();
  }

  @Test
  void anUnknownContainerTypeIs422AndChangesNothing() throws Exception {
    scalingo.addApp(FR, "shop", null, Map.of("web", 1));

    TestHttp.Response response =
        post(
            FR,
            "/v1/apps/shop/scale",
            "{\"containers\":[{\"name\":\"web\",\"amount\":0},{\"name\":\"clock\",\"amount\":0}]}");

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json().getJsonObject("errors").getJsonArray("containers").getString(0))
        .contains("clock");
    assertThat(scalingo.formationOf(FR, "shop")).isEqualTo(Map.of("web", 1));
    assertThat(scalingo.statusOf(FR, "shop")).isEqualTo("running");
    assertThat(post(FR, "/v1/apps/shop/scale", "{}").status()).isEqualTo(422);
    assertThat(
            post(FR, "/v1/apps/shop/scale", "{\"containers\":[{\"name\":\"web\",\"amount\":11}]}")
                .status())
        .isEqualTo(422);
    assertThat(post(FR, "/v1/apps/shop/scale", "not json").status()).isEqualTo(400);
  }

  @Test
  void aScaleWhileAnOperationRunsIsRefused() throws Exception {
    scalingo.setOperationDelay(Duration.ofMillis(500));
    scalingo.addApp(FR, "shop", null, Map.of("web", 1));
    String body = "{\"containers\":[{\"name\":\"web\",\"amount\":0}]}";

    assertThat(post(FR, "/v1/apps/shop/scale", body).status()).isEqualTo(202);
    TestHttp.Response second = post(FR, "/v1/apps/shop/scale", body);

    assertThat(second.status()).isEqualTo(422);
    assertThat(second.json())
        .isEqualTo(new JsonObject().put("error", "an operation is already running"));
    await()
        .atMost(5, TimeUnit.SECONDS)
        .until(() -> scalingo.statusOf(FR, "shop").equals("stopped"));
    assertThat(post(FR, "/v1/apps/shop/scale", body).status()).isEqualTo(202);
  }

  @Test
  void aFailedOperationEndsInErrorAndTheAppCrashed() throws Exception {
    scalingo.setOperationDelay(Duration.ofMillis(50));
    scalingo.addApp(FR, "shop", null, Map.of("web", 0));
    scalingo.failNextOperation(FR, "shop", "container web-1 failed to boot");

    TestHttp.Response start =
        post(FR, "/v1/apps/shop/scale", "{\"containers\":[{\"name\":\"web\",\"amount\":1}]}");
    String location = start.headers().get("Location");

    await()
        .atMost(5, TimeUnit.SECONDS)
        .untilAsserted(
            () -> assertThat(operation(location).getString("status")).isEqualTo("error"));
    assertThat(operation(location).getString("error")).isEqualTo("container web-1 failed to boot");
    assertThat(scalingo.statusOf(FR, "shop")).isEqualTo("crashed");
    assertThat(states(get(FR, "/v1/apps/shop/ps"))).containsExactly("web-1:crashed");
  }

  @Test
  void aCrashedAppReportsCrashed() throws Exception {
    scalingo.addApp(FR, "fragile", null, Map.of("web", 1));

    scalingo.crash(FR, "fragile");

    assertThat(get(FR, "/v1/apps/fragile").json().getJsonObject("app").getString("status"))
        .isEqualTo("crashed");
  }

  @Test
  void injectedRateLimitsAreTextOrJson() throws Exception {
    scalingo.rateLimitNext(1, true);
    TestHttp.Response text = get(FR, "/v1/apps");
    scalingo.rateLimitNext(1, false);
    TestHttp.Response json = get(FR, "/v1/apps");

    assertThat(text.status()).isEqualTo(429);
    assertThat(text.headers().get("Content-Type")).startsWith("text/plain");
    assertThat(text.text()).isEqualTo("Retry later");
    assertThat(json.status()).isEqualTo(429);
    assertThat(json.headers().get("Content-Type")).isEqualTo("application/json");
    assertThat(json.json().getString("error")).isEqualTo("rate limit exceeded");
    assertThat(json.json().getString("code")).isNotBlank();
    assertThat(get(FR, "/v1/apps").status()).isEqualTo(200);
  }

  @Test
  void theBudgetOfSixtyRequestsPerMinuteIsEnforcedWhenAskedPerBearer() throws Exception {
    scalingo.enforceRateLimit(true);
    for (int i = 0; i < 60; i++) {
      assertThat(get(i % 2 == 0 ? FR : SECNUM, "/v1/apps").status()).isEqualTo(200);
    }

    TestHttp.Response spent = get(FR, "/v1/apps");
    assertThat(spent.status()).isEqualTo(429);
    assertThat(spent.text()).isEqualTo("Retry later");

    bearer = exchange(API_TOKEN).json().getString("token");
    assertThat(get(FR, "/v1/apps").status()).isEqualTo(200);
    scalingo.enforceRateLimit(false);
  }

  @Test
  void injectedFailuresAndFailedExchangesAnswerTheStatus() throws Exception {
    scalingo.failNext(1, 503);
    TestHttp.Response failed = get(FR, "/v1/apps");
    scalingo.failNextExchange(1, 500);
    TestHttp.Response failedExchange = exchange(API_TOKEN);

    assertThat(failed.status()).isEqualTo(503);
    assertThat(failed.json().getString("error")).isNotBlank();
    assertThat(failedExchange.status()).isEqualTo(500);
    assertThat(get(FR, "/v1/apps").status()).isEqualTo(200);
    assertThat(exchange(API_TOKEN).status()).isEqualTo(200);
  }

  @Test
  void aLatencyDelaysEveryAnswer() throws Exception {
    scalingo.setLatency(Duration.ofMillis(300));

    long start = System.nanoTime();
    assertThat(get(FR, "/v1/apps").status()).isEqualTo(200);

    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }

  @Test
  void unknownAppsOperationsRegionsAndEndpointsAreNotFound() throws Exception {
    scalingo.addApp(FR, "shop", null, Map.of("web", 1));
    for (String path : List.of("/v1/apps/nope", "/v1/apps/nope/containers", "/v1/apps/nope/ps")) {
      TestHttp.Response response = get(FR, path);

      assertThat(response.status()).as(path).isEqualTo(404);
      assertThat(response.json())
          .isEqualTo(new JsonObject().put("resource", "app").put("error", "not found"));
    }
    assertThat(post(FR, "/v1/apps/nope/scale", "{\"containers\":[]}").status()).isEqualTo(404);
    TestHttp.Response operation = get(FR, "/v1/apps/shop/operations/0123456789abcdef01234567");
    assertThat(operation.status()).isEqualTo(404);
    assertThat(operation.json().getString("resource")).isEqualTo("operation");
    assertThat(get("nowhere", "/v1/apps").status()).isEqualTo(404);
    assertThat(get(FR, "/v1/addons").status()).isEqualTo(404);
  }

  @Test
  void theCallLogRecordsMethodRegionAndPath() throws Exception {
    scalingo.addApp(FR, "shop", null, Map.of("web", 1));
    scalingo.calls().clear();
    get(FR, "/v1/apps");
    get(SECNUM, "/v1/apps");
    post(FR, "/v1/apps/shop/scale", "{\"containers\":[{\"name\":\"web\",\"amount\":0}]}");
    exchange(API_TOKEN);

    assertThat(scalingo.calls().count()).isEqualTo(4);
    assertThat(scalingo.calls().count("GET", "/v1/apps")).isEqualTo(2);
    assertThat(scalingo.callCount(FR, "GET", "/v1/apps")).isEqualTo(1);
    assertThat(scalingo.callCount(FR, "POST", "/v1/apps/shop/scale")).isEqualTo(1);
    assertThat(scalingo.calls().count("POST", "/v1/tokens/exchange")).isEqualTo(1);
    assertThat(scalingo.calls().all().get(1))
        .extracting(
            FakeScalingoApi.Call::method, FakeScalingoApi.Call::region, FakeScalingoApi.Call::path)
        .containsExactly("GET", SECNUM, "/v1/apps");
    assertThat(scalingo.calls().all().get(3).region()).isNull();
    assertThat(scalingo.calls().all().get(0).at()).isNotNull();

    scalingo.calls().clear();
    assertThat(scalingo.calls().count()).isZero();
    assertThat(scalingo.calls().all()).isEmpty();
  }

  // ---- helpers -----------------------------------------------------------------------------

  private TestHttp.Response exchange(String apiToken) throws Exception {
    return call(
        HttpMethod.POST,
        scalingo.authUrl(),
        "/v1/tokens/exchange",
        Map.of("Authorization", basic(apiToken), "Accept", "application/json"),
        null);
  }

  private static String basic(String apiToken) {
    return "Basic "
        + Base64.getEncoder().encodeToString((":" + apiToken).getBytes(StandardCharsets.UTF_8));
  }

  private Map<String, String> authorized() {
    return Map.of("Authorization", "Bearer " + bearer, "Accept", "application/json");
  }

  private TestHttp.Response get(String region, String path) throws Exception {
    return call(HttpMethod.GET, scalingo.apiUrl(region), path, authorized(), null);
  }

  private TestHttp.Response post(String region, String path, String json) throws Exception {
    Map<String, String> headers = new HashMap<>(authorized());
    headers.put("Content-Type", "application/json");
    return call(HttpMethod.POST, scalingo.apiUrl(region), path, headers, Buffer.buffer(json));
  }

  private JsonObject operation(String location) throws Exception {
    URI uri = URI.create(location);
    TestHttp.Response response = call(HttpMethod.GET, uri, "", authorized(), null);
    assertThat(response.status()).isEqualTo(200);
    return response.json().getJsonObject("operation");
  }

  private TestHttp.Response call(
      HttpMethod method, URI base, String path, Map<String, String> headers, Buffer body)
      throws Exception {
    String host = "127.0.0.1:" + base.getPort();
    return TestHttp.send(client, base.getPort(), method, host, base.getPath() + path, headers, body)
        .toCompletionStage()
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
  }

  private static JsonObject jwtPart(String part) {
    return new JsonObject(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8));
  }

  private static List<String> names(TestHttp.Response apps) {
    List<String> names = new ArrayList<>();
    apps.json()
        .getJsonArray("apps")
        .forEach(app -> names.add(((JsonObject) app).getString("name")));
    return names;
  }

  private static Map<String, Integer> amounts(JsonArray formation) {
    Map<String, Integer> amounts = new HashMap<>();
    formation.forEach(
        entry ->
            amounts.put(
                ((JsonObject) entry).getString("name"), ((JsonObject) entry).getInteger("amount")));
    return amounts;
  }

  private static List<String> states(TestHttp.Response ps) {
    List<String> states = new ArrayList<>();
    ps.json()
        .getJsonArray("containers")
        .forEach(
            container ->
                states.add(
                    ((JsonObject) container).getString("label")
                        + ":"
                        + ((JsonObject) container).getString("state")));
    return states;
  }
}
