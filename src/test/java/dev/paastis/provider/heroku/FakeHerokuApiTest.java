package dev.paastis.provider.heroku;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paastis.testing.TestHttp;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FakeHerokuApiTest {

  private static final String TOKEN = "heroku-test-token";
  private static final String ACCEPT = "application/vnd.heroku+json; version=3";

  private final Vertx vertx = Vertx.vertx();
  private final HttpClient client = vertx.createHttpClient();
  private FakeHerokuApi heroku;

  @BeforeEach
  void startTheFake() {
    heroku = FakeHerokuApi.start(vertx, TOKEN);
  }

  @AfterEach
  void stop() {
    heroku.close();
    vertx.close().await();
  }

  @Test
  void aMissingOrWrongTokenIsUnauthorized() throws Exception {
    TestHttp.Response missing = call(HttpMethod.GET, "/apps", Map.of("Accept", ACCEPT), null);
    TestHttp.Response wrong =
        call(HttpMethod.GET, "/apps", Map.of("Accept", ACCEPT, "Authorization", "Bearer x"), null);

    for (TestHttp.Response response : List.of(missing, wrong)) {
      assertThat(response.status()).isEqualTo(401);
      assertThat(response.headers().get("Content-Type")).isEqualTo("application/json");
      assertThat(response.json())
          .isEqualTo(
              new JsonObject()
                  .put("id", "unauthorized")
                  .put("message", "Invalid credentials provided."));
    }
  }

  @Test
  void aRejectedTokenFailsEveryCallUntilAcceptedAgain() throws Exception {
    heroku.rejectToken(true);
    assertThat(get("/apps").status()).isEqualTo(401);

    heroku.rejectToken(false);
    assertThat(get("/apps").status()).isEqualTo(200);
  }

  @Test
  void aCallWithoutTheVersionInAcceptIsABadRequest() throws Exception {
    TestHttp.Response response =
        call(HttpMethod.GET, "/apps", Map.of("Authorization", "Bearer " + TOKEN), null);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().getString("id")).isEqualTo("missing_version");
  }

  @Test
  void anAppIsServedWithTheFieldsOfThePlatformApi() throws Exception {
    String id = heroku.addApp("my-app", "eu", "http://127.0.0.1:1234/", Map.of("web", 1));

    JsonObject byName = get("/apps/my-app").json();
    JsonObject byId = get("/apps/" + id).json();

    assertThat(byId).isEqualTo(byName);
    assertThat(byName.getString("id")).isEqualTo(id);
    assertThat(byName.getString("name")).isEqualTo("my-app");
    assertThat(byName.getJsonObject("region").getString("name")).isEqualTo("eu");
    assertThat(byName.getJsonObject("region").getString("id")).isNotBlank();
    assertThat(byName.getString("web_url")).isEqualTo("http://127.0.0.1:1234/");
    assertThat(byName.getString("git_url")).isEqualTo("https://git.heroku.com/my-app.git");
    assertThat(byName.getBoolean("maintenance")).isFalse();
    assertThat(byName.getJsonObject("stack").getString("name")).isNotBlank();
    assertThat(byName.getJsonObject("owner").getString("email")).isNotBlank();
    assertThat(byName.getString("created_at")).matches("\\d{4}-\\d\\d-\\d\\dT[\\d:]{8}Z");
    assertThat(byName.fieldNames()).contains("team", "space", "updated_at", "released_at");
    assertThat(byName.getValue("team")).isNull();
    assertThat(byName.getValue("space")).isNull();
  }

  @Test
  void anUnknownAppIsNotFound() throws Exception {
    for (String path : List.of("/apps/nope", "/apps/nope/formation", "/apps/nope/dynos")) {
      TestHttp.Response response = get(path);

      assertThat(response.status()).as(path).isEqualTo(404);
      assertThat(response.json())
          .isEqualTo(
              new JsonObject()
                  .put("id", "not_found")
                  .put("message", "Couldn't find that app.")
                  .put("resource", "app"));
    }
  }

  @Test
  void fourHundredFiftyAppsComeInPagesOf200LinkedByNextRange() throws Exception {
    for (int i = 0; i < 450; i++) {
      heroku.addApp(String.format("app-%03d", 449 - i), "us", null, Map.of());
    }

    List<String> names = new ArrayList<>();
    List<Integer> statuses = new ArrayList<>();
    String range = null;
    do {
      TestHttp.Response page = get("/apps", range);
      statuses.add(page.status());
      page.body().toJsonArray().forEach(app -> names.add(((JsonObject) app).getString("name")));
      range = page.headers().get("Next-Range");
    } while (range != null);

    assertThat(statuses).containsExactly(206, 206, 200);
    assertThat(names).hasSize(450).doesNotHaveDuplicates().isSorted();
    assertThat(new HashSet<>(names)).hasSize(450);
    assertThat(heroku.calls().all().get(1).range()).isEqualTo("name ]app-199..; max=200");
  }

  @Test
  void aRangeChoosesFieldPageSizeAndOrder() throws Exception {
    for (int i = 0; i < 30; i++) {
      heroku.addApp("app-" + (char) ('a' + i % 26) + i, "us", null, Map.of());
    }

    TestHttp.Response all = get("/apps", "name ..; max=1000");
    TestHttp.Response firstTen = get("/apps", "id ..; max=10");
    TestHttp.Response descending = get("/apps", "name ..; max=5, order=desc");

    assertThat(all.status()).isEqualTo(200);
    assertThat(all.body().toJsonArray()).hasSize(30);
    assertThat(firstTen.status()).isEqualTo(206);
    assertThat(ids(firstTen)).hasSize(10).isSorted();
    assertThat(firstTen.headers().get("Next-Range")).startsWith("id ]").endsWith("..; max=10");
    assertThat(names(descending)).isSortedAccordingTo((a, b) -> b.compareTo(a)).hasSize(5);
    assertThat(descending.headers().get("Next-Range")).endsWith("; max=5, order=desc");
    assertThat(get("/apps", "size ..").status()).isEqualTo(416);
  }

  @Test
  void aFormationListsEveryProcessTypeAndAnEmptyOneIsAnEmptyArray() throws Exception {
    heroku.addApp("two-types", "us", null, Map.of("web", 2, "worker", 0));
    heroku.addApp("no-procfile", "us", null, Map.of());

    JsonArray formation = get("/apps/two-types/formation").body().toJsonArray();

    assertThat(formation).hasSize(2);
    JsonObject web = formation.getJsonObject(0);
    assertThat(web.getString("type")).isEqualTo("web");
    assertThat(web.getInteger("quantity")).isEqualTo(2);
    assertThat(web.getJsonObject("dyno_size").getString("name")).isEqualTo(web.getString("size"));
    assertThat(web.getJsonObject("app").getString("name")).isEqualTo("two-types");
    assertThat(web.fieldNames()).contains("id", "command", "created_at", "updated_at");
    assertThat(formation.getJsonObject(1).getInteger("quantity")).isZero();
    assertThat(get("/apps/no-procfile/formation").body().toJsonArray()).isEmpty();
  }

  @Test
  void aBatchPatchScalesToZeroAndBackAndDynosBootAfterTheDelay() throws Exception {
    heroku.setBootDelay(Duration.ofMillis(400));
    heroku.addApp("shop", "eu", null, Map.of("web", 2, "worker", 1));
    assertThat(heroku.dynoStates("shop"))
        .isEqualTo(Map.of("web.1", "up", "web.2", "up", "worker.1", "up"));

    TestHttp.Response stopped =
        patch(
            "/apps/shop/formation",
            "{\"updates\":[{\"type\":\"web\",\"quantity\":0},{\"type\":\"worker\",\"quantity\":0}]}");

    assertThat(stopped.status()).isEqualTo(200);
    assertThat(quantities(stopped.body().toJsonArray())).isEqualTo(Map.of("web", 0, "worker", 0));
    assertThat(heroku.formationOf("shop")).isEqualTo(Map.of("web", 0, "worker", 0));
    assertThat(get("/apps/shop/dynos").body().toJsonArray()).isEmpty();

    TestHttp.Response started =
        patch(
            "/apps/shop/formation",
            "{\"updates\":[{\"type\":\"web\",\"quantity\":\"2\"},{\"type\":\"worker\",\"quantity\":1}]}");

    assertThat(quantities(started.body().toJsonArray())).isEqualTo(Map.of("web", 2, "worker", 1));
    assertThat(heroku.dynoStates("shop")).containsOnlyKeys("web.1", "web.2", "worker.1");
    assertThat(dynoStates(get("/apps/shop/dynos")))
        .containsOnly(
            Map.entry("web.1", "starting"),
            Map.entry("web.2", "starting"),
            Map.entry("worker.1", "starting"));
    await()
        .atMost(5, TimeUnit.SECONDS)
        .untilAsserted(
            () ->
                assertThat(dynoStates(get("/apps/shop/dynos")))
                    .isEqualTo(Map.of("web.1", "up", "web.2", "up", "worker.1", "up")));
  }

  @Test
  void aDynoCarriesItsNameTypeStateAndApp() throws Exception {
    heroku.addApp("api", "us", null, Map.of("web", 1));

    JsonObject dyno = get("/apps/api/dynos").body().toJsonArray().getJsonObject(0);

    assertThat(dyno.getString("name")).isEqualTo("web.1");
    assertThat(dyno.getString("type")).isEqualTo("web");
    assertThat(dyno.getString("state")).isEqualTo("up");
    assertThat(dyno.getJsonObject("app").getString("name")).isEqualTo("api");
    assertThat(dyno.fieldNames()).contains("id", "size", "command", "created_at", "updated_at");
    assertThat(get("/apps/api/dynos/web.1").json().getString("id")).isEqualTo(dyno.getString("id"));
  }

  @Test
  void aSinglePatchScalesOneTypeAndAnswersItsFormation() throws Exception {
    heroku.addApp("solo", "us", null, Map.of("web", 1, "worker", 1));

    TestHttp.Response response = patch("/apps/solo/formation/web", "{\"quantity\":3}");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().getString("type")).isEqualTo("web");
    assertThat(response.json().getInteger("quantity")).isEqualTo(3);
    assertThat(heroku.formationOf("solo")).isEqualTo(Map.of("web", 3, "worker", 1));
    assertThat(heroku.dynoStates("solo")).containsKeys("web.1", "web.2", "web.3", "worker.1");
    assertThat(patch("/apps/solo/formation/clock", "{\"quantity\":1}").status()).isEqualTo(404);
  }

  @Test
  void aBatchWithUnknownKeysOrTypesIsRejectedAndChangesNothing() throws Exception {
    heroku.addApp("strict", "us", null, Map.of("web", 1));

    TestHttp.Response unknownKey =
        patch(
            "/apps/strict/formation",
            "{\"updates\":[{\"type\":\"web\",\"quantity\":0,\"process\":\"web\"}]}");
    TestHttp.Response unknownType =
        patch(
            "/apps/strict/formation",
            "{\"updates\":[{\"type\":\"web\",\"quantity\":0},{\"type\":\"clock\",\"quantity\":0}]}");
    TestHttp.Response noType = patch("/apps/strict/formation", "{\"updates\":[{\"quantity\":0}]}");
    TestHttp.Response negative =
        patch("/apps/strict/formation", "{\"updates\":[{\"type\":\"web\",\"quantity\":-1}]}");

    for (TestHttp.Response response : List.of(unknownKey, unknownType, noType, negative)) {
      assertThat(response.status()).isEqualTo(422);
      assertThat(response.json().getString("id")).isEqualTo("invalid_params");
      assertThat(response.json().getString("message")).isNotBlank();
    }
    assertThat(heroku.formationOf("strict")).isEqualTo(Map.of("web", 1));
  }

  @Test
  void crashedDynosAreReportedAsCrashed() throws Exception {
    heroku.addApp("fragile", "us", null, Map.of("web", 2, "worker", 1));

    heroku.crash("fragile", "web");

    assertThat(dynoStates(get("/apps/fragile/dynos")))
        .isEqualTo(Map.of("web.1", "crashed", "web.2", "crashed", "worker.1", "up"));
  }

  @Test
  void injectedRateLimitsAnswer429WithRetryAfterThenCallsSucceed() throws Exception {
    heroku.rateLimitNext(2, Duration.ofSeconds(30));

    TestHttp.Response first = get("/apps");
    TestHttp.Response second = get("/apps");
    TestHttp.Response third = get("/apps");

    for (TestHttp.Response response : List.of(first, second)) {
      assertThat(response.status()).isEqualTo(429);
      assertThat(response.headers().get("Retry-After")).isEqualTo("30");
      assertThat(response.json())
          .isEqualTo(
              new JsonObject()
                  .put("id", "rate_limit")
                  .put(
                      "message",
                      "Your account reached the API rate limit\n"
                          + "Please wait a few minutes before making new requests"));
    }
    assertThat(third.status()).isEqualTo(200);
  }

  @Test
  void injectedFailuresAnswerTheStatusWithAnErrorBody() throws Exception {
    heroku.failNext(1, 503);

    TestHttp.Response failed = get("/apps");

    assertThat(failed.status()).isEqualTo(503);
    assertThat(failed.json().getString("id")).isNotBlank();
    assertThat(failed.json().getString("message")).isNotBlank();
    assertThat(get("/apps").status()).isEqualTo(200);
  }

  @Test
  void everyAnswerCarriesTheBudgetLeftAndTheRateLimitEndpointIsFree() throws Exception {
    heroku.setRemaining(3);

    assertThat(get("/apps").headers().get("RateLimit-Remaining")).isEqualTo("2");
    TestHttp.Response limits = get("/account/rate-limits");
    assertThat(limits.json()).isEqualTo(new JsonObject().put("remaining", 2));
    assertThat(limits.headers().get("RateLimit-Remaining")).isEqualTo("2");
    assertThat(get("/apps/nope").headers().get("RateLimit-Remaining")).isEqualTo("1");
    assertThat(get("/apps").headers().get("RateLimit-Remaining")).isEqualTo("0");
    TestHttp.Response spent = get("/apps");
    assertThat(spent.status()).isEqualTo(429);
    assertThat(spent.json().getString("id")).isEqualTo("rate_limit");
  }

  @Test
  void aLatencyDelaysEveryAnswer() throws Exception {
    heroku.setLatency(Duration.ofMillis(300));

    long start = System.nanoTime();
    assertThat(get("/apps").status()).isEqualTo(200);

    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }

  @Test
  void aMaintenancePatchTurnsTheFlagOn() throws Exception {
    heroku.addApp("calm", "us", null, Map.of("web", 1));

    TestHttp.Response response = patch("/apps/calm", "{\"maintenance\":true}");

    assertThat(response.json().getBoolean("maintenance")).isTrue();
    assertThat(get("/apps/calm").json().getBoolean("maintenance")).isTrue();
  }

  @Test
  void theCallLogRecordsMethodPathAndRange() throws Exception {
    heroku.addApp("logged", "us", null, Map.of("web", 1));
    get("/apps", "name ..; max=10");
    get("/apps/logged/formation");
    patch("/apps/logged/formation", "{\"updates\":[{\"type\":\"web\",\"quantity\":0}]}");
    call(HttpMethod.GET, "/apps", Map.of(), null);

    assertThat(heroku.calls().count()).isEqualTo(4);
    assertThat(heroku.calls().count("GET", "/apps")).isEqualTo(3);
    assertThat(heroku.calls().count("PATCH", "/apps/logged/formation")).isEqualTo(1);
    assertThat(heroku.calls().all().get(0))
        .extracting(FakeHerokuApi.Call::method, FakeHerokuApi.Call::path, FakeHerokuApi.Call::range)
        .containsExactly("GET", "/apps", "name ..; max=10");
    assertThat(heroku.calls().all().get(0).at()).isNotNull();

    heroku.calls().clear();
    assertThat(heroku.calls().count()).isZero();
    assertThat(heroku.calls().all()).isEmpty();
  }

  @Test
  void removedAppsDisappear() throws Exception {
    heroku.addApp("gone", "us", null, Map.of());
    heroku.addApp("kept", "us", null, Map.of());

    assertThat(heroku.removeApp("gone")).isTrue();

    assertThat(heroku.appCount()).isEqualTo(1);
    assertThat(get("/apps/gone").status()).isEqualTo(404);
  }

  private TestHttp.Response get(String path) throws Exception {
    return get(path, null);
  }

  private TestHttp.Response get(String path, String range) throws Exception {
    Map<String, String> headers = new HashMap<>(authorized());
    if (range != null) {
      headers.put("Range", range);
    }
    return call(HttpMethod.GET, path, headers, null);
  }

  private TestHttp.Response patch(String path, String json) throws Exception {
    Map<String, String> headers = new HashMap<>(authorized());
    headers.put("Content-Type", "application/json");
    return call(HttpMethod.PATCH, path, headers, Buffer.buffer(json));
  }

  private static Map<String, String> authorized() {
    return Map.of("Authorization", "Bearer " + TOKEN, "Accept", ACCEPT);
  }

  private TestHttp.Response call(
      HttpMethod method, String path, Map<String, String> headers, Buffer body) throws Exception {
    String host = "127.0.0.1:" + heroku.baseUrl().getPort();
    return TestHttp.send(client, heroku.baseUrl().getPort(), method, host, path, headers, body)
        .toCompletionStage()
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
  }

  private static Map<String, Integer> quantities(JsonArray formation) {
    Map<String, Integer> quantities = new HashMap<>();
    formation.forEach(
        entry ->
            quantities.put(
                ((JsonObject) entry).getString("type"),
                ((JsonObject) entry).getInteger("quantity")));
    return quantities;
  }

  private static Map<String, String> dynoStates(TestHttp.Response dynos) {
    Map<String, String> states = new HashMap<>();
    dynos
        .body()
        .toJsonArray()
        .forEach(
            dyno ->
                states.put(
                    ((JsonObject) dyno).getString("name"), ((JsonObject) dyno).getString("state")));
    return states;
  }

  private static List<String> names(TestHttp.Response apps) {
    return field(apps, "name");
  }

  private static List<String> ids(TestHttp.Response apps) {
    return field(apps, "id");
  }

  private static List<String> field(TestHttp.Response apps, String field) {
    List<String> values = new ArrayList<>();
    apps.body().toJsonArray().forEach(app -> values.add(((JsonObject) app).getString(field)));
    return values;
  }
}
