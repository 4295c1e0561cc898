package dev.paastis.provider.clevercloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paastis.testing.TestHttp;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FakeCleverApiTest {

  private static final String CONSUMER_KEY = "consumer-key-1";
  private static final String CONSUMER_SECRET = "consumer/secret&1";
  private static final String TOKEN = "user-token-1";
  private static final String TOKEN_SECRET = "token secret+1";
  private static final String UUID_PATTERN =
      "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  private final Vertx vertx = Vertx.vertx();
  private final HttpClient client = vertx.createHttpClient();
  private FakeCleverApi clever;

  @BeforeEach
  void startTheFake() {
    clever = FakeCleverApi.start(vertx, CONSUMER_KEY, CONSUMER_SECRET, TOKEN, TOKEN_SECRET);
  }

  @AfterEach
  void stop() {
    clever.close();
    vertx.close().await();
  }

  @Test
  void plaintextAsCleverClientSendsItIsAccepted() throws Exception {
    TestHttp.Response self = get("/v2/self");
    TestHttp.Response explicit =
        call(
            HttpMethod.GET,
            "/v2/self",
            plaintext(CONSUMER_KEY, CONSUMER_SECRET, TOKEN, TOKEN_SECRET)
                + ", oauth_signature_method=\"PLAINTEXT\"");

    assertThat(self.status()).isEqualTo(200);
    assertThat(self.headers().get("Content-Type")).isEqualTo("application/json");
    assertThat(self.json().getString("id")).isEqualTo(clever.userId()).startsWith("user_");
    assertThat(explicit.status()).isEqualTo(200);
    assertThat(clever.calls().all()).allSatisfy(call -> assertThat(call.rejection()).isNull());
  }

  @Test
  void aWrongSecretKeyOrTokenIsUnauthorizedAndTheReasonLogged() throws Exception {
    List<String> headers =
        List.of(
            plaintext(CONSUMER_KEY, "other-secret", TOKEN, TOKEN_SECRET),
            plaintext(CONSUMER_KEY, CONSUMER_SECRET, TOKEN, "other-secret"),
            plaintext("other-key", CONSUMER_SECRET, TOKEN, TOKEN_SECRET),
            plaintext(CONSUMER_KEY, CONSUMER_SECRET, "other-token", TOKEN_SECRET),
            "Bearer " + TOKEN);
    for (String header : headers) {
      TestHttp.Response response = call(HttpMethod.GET, "/v2/self", header);

      assertThat(response.status()).as(header).isEqualTo(401);
      assertThat(response.json())
          .isEqualTo(
              new JsonObject().put("id", 401).put("message", "Unauthorized").put("type", "error"));
    }
    TestHttp.Response none = call(HttpMethod.GET, "/v2/self", null);
    assertThat(none.status()).isEqualTo(401);

    List<String> rejections =
        clever.calls().all().stream().map(FakeCleverApi.Call::rejection).toList();
    assertThat(rejections).hasSize(6).doesNotContainNull();
    assertThat(rejections.get(0)).contains("PLAINTEXT signature mismatch");
    assertThat(rejections.get(2)).contains("oauth_consumer_key").contains("other-key");
    assertThat(rejections.get(3)).contains("oauth_token").contains("other-token");
    assertThat(rejections.get(4)).contains("not OAuth");
    assertThat(rejections.get(5)).contains("no Authorization");
  }

  @Test
  void hmacSha512SignedWithTheQueryIsAccepted() throws Exception {
    String appId = clever.addUserApp("shop", "par", List.of(), true);
    String path =
        "/v2/organisations/" + clever.userId() + "/applications/" + appId + "/deployments";

    TestHttp.Response self =
        call(HttpMethod.GET, "/v2/self", hmac("GET", "/v2/self", Map.of(), CONSUMER_SECRET));
    TestHttp.Response deployments =
        call(
            HttpMethod.GET,
            path + "?limit=1&offset=0",
            hmac("GET", path, Map.of("limit", "1", "offset", "0"), CONSUMER_SECRET));
    TestHttp.Response start =
        call(
            HttpMethod.POST,
            path.replace("/deployments", "/instances"),
            hmac("POST", path.replace("/deployments", "/instances"), Map.of(), CONSUMER_SECRET));

    assertThat(self.status()).isEqualTo(200);
    assertThat(deployments.status()).isEqualTo(200);
    assertThat(deployments.body().toJsonArray()).hasSize(1);
    assertThat(start.status()).isEqualTo(200);
    assertThat(clever.calls().all()).allSatisfy(call -> assertThat(call.rejection()).isNull());
  }

  @Test
  void aTamperedHmacSignatureIsRefused() throws Exception {
    String valid = hmac("GET", "/v2/summary", Map.of(), CONSUMER_SECRET);
    String tampered = valid.replaceFirst("oauth_signature=\"", "oauth_signature=\"A");
    String otherQuery = hmac("GET", "/v2/summary", Map.of("limit", "2"), CONSUMER_SECRET);
    String otherSecret = hmac("GET", "/v2/summary", Map.of(), "not-the-secret");
    String otherPath = hmac("GET", "/v2/self", Map.of(), CONSUMER_SECRET);
    String withoutNonce = valid.replaceFirst("oauth_nonce=\"[^\"]*\", ", "");

    assertThat(call(HttpMethod.GET, "/v2/summary", tampered).status()).isEqualTo(401);
    assertThat(call(HttpMethod.GET, "/v2/summary?limit=1", otherQuery).status()).isEqualTo(401);
    assertThat(call(HttpMethod.GET, "/v2/summary", otherSecret).status()).isEqualTo(401);
    assertThat(call(HttpMethod.GET, "/v2/summary", otherPath).status()).isEqualTo(401);
    assertThat(call(HttpMethod.GET, "/v2/summary", withoutNonce).status()).isEqualTo(401);
    assertThat(call(HttpMethod.GET, "/v2/summary", valid).status()).isEqualTo(200);

    List<FakeCleverApi.Call> calls = clever.calls().all();
    assertThat(calls.get(0).rejection())
        .contains("HMAC-SHA512 signature mismatch")
        .contains("base string GET&http%3A%2F%2F127.0.0.1%3A");
    assertThat(calls.get(1).rejection()).contains("limit%3D1");
    assertThat(calls.get(4).rejection()).contains("oauth_nonce");
    assertThat(calls.get(5).rejection()).isNull();
  }

  @Test
  void theSummaryListsTheUserAndItsOrganisationsWithTheirApps() throws Exception {
    String orga = clever.addOrganisation("Acme");
    String mine = clever.addUserApp("mine", "par", List.of(), true);
    String shop = clever.addOrgApp(orga, "shop", "rbx", List.of("shop.example.com"), false);

    JsonObject summary = get("/v2/summary").json();

    JsonObject user = summary.getJsonObject("user");
    assertThat(user.getString("id")).isEqualTo(clever.userId());
    assertThat(user.getString("name")).isNotBlank();
    assertThat(appIds(user.getJsonArray("applications"))).containsExactly(mine);
    JsonArray organisations = summary.getJsonArray("organisations");
    assertThat(organisations).hasSize(2);
    JsonObject personal = organisations.getJsonObject(0);
    assertThat(personal.getString("id")).isEqualTo(clever.userId());
    assertThat(appIds(personal.getJsonArray("applications"))).containsExactly(mine);
    JsonObject acme = organisations.getJsonObject(1);
    assertThat(acme.getString("id")).isEqualTo(orga).matches("orga_" + UUID_PATTERN);
    assertThat(acme.getString("name")).isEqualTo("Acme");
    assertThat(appIds(acme.getJsonArray("applications"))).containsExactly(shop);
    assertThat(acme.getJsonArray("applications").getJsonObject(0).getString("name"))
        .isEqualTo("shop");
    JsonArray orgs = get("/v2/organisations").body().toJsonArray();
    assertThat(orgs).hasSize(1);
    assertThat(orgs.getJsonObject(0).getString("id")).isEqualTo(orga);
  }

  @Test
  void eachOwnerListsItsAppsWithTheDefaultVhostWhenNoneIsGiven() throws Exception {
    String orga = clever.addOrganisation("Acme");
    String mine = clever.addUserApp("mine", "par", List.of(), true);
    String shop =
        clever.addOrgApp(orga, "shop", "rbx", List.of("shop.example.com", "www.shop.fr/"), false);

    JsonArray userApps =
        get("/v2/organisations/" + clever.userId() + "/applications").body().toJsonArray();
    JsonArray selfApps = get("/v2/self/applications").body().toJsonArray();
    JsonArray orgApps = get("/v2/organisations/" + orga + "/applications").body().toJsonArray();

    assertThat(appIds(userApps)).containsExactly(mine);
    assertThat(selfApps).isEqualTo(userApps);
    assertThat(appIds(orgApps)).containsExactly(shop);
    JsonObject app = userApps.getJsonObject(0);
    assertThat(app.getString("id")).matches("app_" + UUID_PATTERN);
    assertThat(app.getString("ownerId")).isEqualTo(clever.userId());
    assertThat(app.getString("name")).isEqualTo("mine");
    assertThat(app.getString("zone")).isEqualTo("par");
    assertThat(app.getString("state")).isEqualTo("SHOULD_BE_UP");
    assertThat(app.getBoolean("homogeneous")).isFalse();
    assertThat(app.getJsonObject("instance").getInteger("minInstances")).isEqualTo(1);
    assertThat(app.getJsonObject("instance").getInteger("maxInstances")).isEqualTo(1);
    assertThat(app.getJsonObject("deployment").getString("type")).isEqualTo("GIT");
    assertThat(app.getJsonObject("deployment").getString("url")).startsWith("git+ssh://");
    assertThat(app.getJsonObject("deployment").getString("httpUrl")).startsWith("https://");
    assertThat(app.getLong("creationDate")).isPositive();
    String defaultHost = mine.replace("app_", "app-") + ".cleverapps.io";
    assertThat(app.getJsonArray("vhosts"))
        .isEqualTo(new JsonArray().add(new JsonObject().put("fqdn", defaultHost)));
    JsonObject orgApp = orgApps.getJsonObject(0);
    assertThat(orgApp.getString("state")).isEqualTo("SHOULD_BE_DOWN");
    assertThat(orgApp.getString("ownerId")).isEqualTo(orga);
    assertThat(
            get("/v2/organisations/" + orga + "/applications/" + shop + "/vhosts")
                .body()
                .toJsonArray())
        .isEqualTo(
            new JsonArray()
                .add(new JsonObject().put("fqdn", "shop.example.com"))
                .add(new JsonObject().put("fqdn", "www.shop.fr/")));
    assertThat(get("/v2/organisations/" + orga + "/applications/" + shop).json()).isEqualTo(orgApp);
  }

  @Test
  void aRunningAppHasOneInstanceUpAndOneDeploymentOk() throws Exception {
    String id = clever.addUserApp("mine", "par", List.of(), true);
    String base = appPath(clever.userId(), id);

    JsonArray instances = get(base + "/instances").body().toJsonArray();
    JsonArray deployments = get(base + "/deployments").body().toJsonArray();

    assertThat(instances).hasSize(1);
    JsonObject instance = instances.getJsonObject(0);
    assertThat(instance.getString("appId")).isEqualTo(id);
    assertThat(instance.getString("state")).isEqualTo("UP");
    assertThat(instance.getJsonObject("flavor").fieldNames()).contains("name", "mem", "cpus");
    assertThat(instance.fieldNames())
        .contains(
            "id",
            "ip",
            "appPort",
            "commit",
            "deployNumber",
            "instanceNumber",
            "displayName",
            "creationDate");
    assertThat(deployments).hasSize(1);
    JsonObject deployment = deployments.getJsonObject(0);
    assertThat(deployment.getString("state")).isEqualTo("OK");
    assertThat(deployment.getString("action")).isEqualTo("DEPLOY");
    assertThat(deployment.getString("uuid")).matches("deployment_" + UUID_PATTERN);
    assertThat(instance.getInteger("deployNumber")).isEqualTo(deployment.getInteger("id"));
  }

  @Test
  void aStartIsAWipDeploymentThatEndsOkWithTheInstancesUp() throws Exception {
    clever.setDeployDelay(Duration.ofMillis(500));
    String id = clever.addUserApp("mine", "par", List.of(), false);
    String base = appPath(clever.userId(), id);
    assertThat(get(base + "/instances").body().toJsonArray()).isEmpty();
    assertThat(
            get(base + "/deployments?limit=1")
                .body()
                .toJsonArray()
                .getJsonObject(0)
                .getString("action"))
        .isEqualTo("UNDEPLOY");

    TestHttp.Response start = post(base + "/instances");

    assertThat(start.status()).isEqualTo(200);
    JsonObject body = start.json();
    assertThat(body.getInteger("id")).isEqualTo(200);
    assertThat(body.getString("message")).isEqualTo("The application has been deployed");
    assertThat(body.getString("type")).isEqualTo("success");
    String deploymentId = body.getString("deploymentId");
    assertThat(deploymentId).matches("deployment_" + UUID_PATTERN);
    assertThat(clever.stateOf(id)).isEqualTo("WANTS_TO_BE_UP");
    assertThat(clever.instanceStates(id)).containsExactly("DEPLOYING");
    JsonObject latest = get(base + "/deployments?limit=1").body().toJsonArray().getJsonObject(0);
    assertThat(latest.getString("uuid")).isEqualTo(deploymentId);
    assertThat(latest.getString("state")).isEqualTo("WIP");
    assertThat(latest.getString("action")).isEqualTo("DEPLOY");
    assertThat(get(base + "/deployments/" + deploymentId).json()).isEqualTo(latest);
    assertThat(get(base + "/deployments/" + latest.getInteger("id")).json()).isEqualTo(latest);
    assertThat(get(base + "/deployments").body().toJsonArray()).hasSize(3);
    JsonObject previous =
        get(base + "/deployments?limit=1&offset=1").body().toJsonArray().getJsonObject(0);
    assertThat(previous.getString("action")).isEqualTo("UNDEPLOY");

    await()
        .atMost(5, TimeUnit.SECONDS)
        .untilAsserted(
            () ->
                assertThat(get(base + "/deployments/" + deploymentId).json().getString("state"))
                    .isEqualTo("OK"));
    assertThat(clever.stateOf(id)).isEqualTo("SHOULD_BE_UP");
    JsonArray instances = get(base + "/instances").body().toJsonArray();
    assertThat(instances).hasSize(1);
    assertThat(instances.getJsonObject(0).getString("state")).isEqualTo("UP");
    assertThat(instances.getJsonObject(0).getInteger("deployNumber"))
        .isEqualTo(latest.getInteger("id"));
    assertThat(get(base + "/instances?deploymentId=" + deploymentId).body().toJsonArray())
        .hasSize(1);
    assertThat(get(base + "/instances?deploymentId=deployment_none").body().toJsonArray())
        .isEmpty();
  }

  @Test
  void aRedeployOfARunningAppKeepsTheOldInstanceUntilTheNewOneIsUp() throws Exception {
    clever.setDeployDelay(Duration.ofMillis(400));
    String orga = clever.addOrganisation("Acme");
    String id = clever.addOrgApp(orga, "shop", "par", List.of(), true);

    assertThat(post(appPath(orga, id) + "/instances").status()).isEqualTo(200);

    assertThat(clever.stateOf(id)).isEqualTo("SHOULD_BE_UP");
    assertThat(clever.instanceStates(id)).containsExactly("UP", "DEPLOYING");
    await()
        .atMost(5, TimeUnit.SECONDS)
        .until(() -> clever.instanceStates(id).equals(List.of("UP")));
    assertThat(clever.stateOf(id)).isEqualTo("SHOULD_BE_UP");

    clever.setHomogeneous(id, true);
    assertThat(post(appPath(orga, id) + "/instances").status()).isEqualTo(200);
    assertThat(clever.instanceStates(id)).containsExactly("DEPLOYING");
  }

  @Test
  void aFailedDeploymentLeavesNoInstanceUpAndTheAppWantingToBeUp() throws Exception {
    clever.setDeployDelay(Duration.ofMillis(50));
    String id = clever.addUserApp("mine", "par", List.of(), false);
    clever.failNextDeploy(id);

    String deploymentId =
        post(appPath(clever.userId(), id) + "/instances").json().getString("deploymentId");

    await()
        .atMost(5, TimeUnit.SECONDS)
        .untilAsserted(
            () ->
                assertThat(
                        get(appPath(clever.userId(), id) + "/deployments/" + deploymentId)
                            .json()
                            .getString("state"))
                    .isEqualTo("FAIL"));
    assertThat(clever.instanceStates(id)).isEmpty();
    assertThat(clever.stateOf(id)).isEqualTo("WANTS_TO_BE_UP");

    String retry =
        post(appPath(clever.userId(), id) + "/instances").json().getString("deploymentId");
    await().atMost(5, TimeUnit.SECONDS).until(() -> clever.stateOf(id).equals("SHOULD_BE_UP"));
    assertThat(
            get(appPath(clever.userId(), id) + "/deployments/" + retry).json().getString("state"))
        .isEqualTo("OK");
  }

  @Test
  void aStopUndeploysTheApp() throws Exception {
    clever.setDeployDelay(Duration.ofSeconds(30));
    String id = clever.addUserApp("mine", "par", List.of(), true);
    String base = appPath(clever.userId(), id);
    String wip = post(base + "/instances").json().getString("deploymentId");

    TestHttp.Response stop = call(HttpMethod.DELETE, base + "/instances", plaintextHeader());

    assertThat(stop.status()).isEqualTo(200);
    assertThat(stop.json())
        .isEqualTo(
            new JsonObject()
                .put("id", 200)
                .put("message", "The application has been stopped")
                .put("type", "success"));
    assertThat(clever.stateOf(id)).isEqualTo("SHOULD_BE_DOWN");
    assertThat(get(base + "/instances").body().toJsonArray()).isEmpty();
    JsonObject latest = get(base + "/deployments?limit=1").body().toJsonArray().getJsonObject(0);
    assertThat(latest.getString("action")).isEqualTo("UNDEPLOY");
    assertThat(latest.getString("state")).isEqualTo("OK");
    assertThat(get(base + "/deployments/" + wip).json().getString("state")).isEqualTo("CANCELLED");
    assertThat(get(base).json().getString("state")).isEqualTo("SHOULD_BE_DOWN");
  }

  @Test
  void anAppOfAnotherOwnerIsNotFound() throws Exception {
    String orga = clever.addOrganisation("Acme");
    String mine = clever.addUserApp("mine", "par", List.of(), true);
    String shop = clever.addOrgApp(orga, "shop", "par", List.of(), true);
    JsonObject notFound =
        new JsonObject()
            .put("id", 4004)
            .put("message", "Application not found")
            .put("type", "error");

    for (String path :
        List.of(
            appPath(orga, mine),
            appPath(clever.userId(), shop) + "/instances",
            appPath(orga, mine) + "/deployments",
            appPath(orga, "app_" + UUID.randomUUID()),
            "/v2/self/applications/" + shop,
            appPath("orga_" + UUID.randomUUID(), shop))) {
      TestHttp.Response response = get(path);

      assertThat(response.status()).as(path).isEqualTo(404);
      assertThat(response.json()).as(path).isEqualTo(notFound);
    }
    assertThat(post(appPath(orga, mine) + "/instances").status()).isEqualTo(404);
    assertThat(clever.stateOf(mine)).isEqualTo("SHOULD_BE_UP");
    assertThat(get(appPath(orga, shop) + "/deployments/deployment_nope").status()).isEqualTo(404);
    assertThat(get("/v2/organisations/orga_nope/applications").status()).isEqualTo(404);
    assertThat(get("/v2/addons").status()).isEqualTo(404);
  }

  @Test
  void aModeratedOrUnpaidAppCannotBeStartedOrStopped() throws Exception {
    String moderated = clever.addUserApp("moderated", "par", List.of(), false);
    String unpaid = clever.addUserApp("unpaid", "par", List.of(), true);
    clever.setState(moderated, "MODERATED");
    clever.setState(unpaid, "DEFAULT_OF_PAYMENT");

    TestHttp.Response start = post(appPath(clever.userId(), moderated) + "/instances");
    TestHttp.Response stop =
        call(HttpMethod.DELETE, appPath(clever.userId(), unpaid) + "/instances", plaintextHeader());

    assertThat(start.status()).isEqualTo(403);
    assertThat(start.json().getString("type")).isEqualTo("error");
    assertThat(start.json().getString("message")).containsIgnoringCase("moderated");
    assertThat(stop.status()).isEqualTo(403);
    assertThat(stop.json().getString("message")).containsIgnoringCase("payment");
    assertThat(clever.stateOf(moderated)).isEqualTo("MODERATED");
    assertThat(clever.stateOf(unpaid)).isEqualTo("DEFAULT_OF_PAYMENT");
    assertThat(clever.instanceStates(moderated)).isEmpty();
    assertThat(clever.instanceStates(unpaid)).containsExactly("UP");
    assertThat(get(appPath(clever.userId(), moderated)).json().getString("state"))
        .isEqualTo("MODERATED");
  }

  @Test
  void injectedFailuresAndLatency() throws Exception {
    clever.failNext(2, 503);
    TestHttp.Response first = get("/v2/self");
    TestHttp.Response unauthorized = call(HttpMethod.GET, "/v2/self", null);
    TestHttp.Response second = get("/v2/self");

    assertThat(first.status()).isEqualTo(503);
    assertThat(first.json().getString("type")).isEqualTo("error");
    assertThat(unauthorized.status()).isEqualTo(401);
    assertThat(second.status()).isEqualTo(503);
    assertThat(get("/v2/self").status()).isEqualTo(200);

    clever.setLatency(Duration.ofMillis(300));
    long start = System.nanoTime();
    assertThat(get("/v2/self").status()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }

  @Test
  void theCallLogRecordsMethodPathQueryAndRejection() throws Exception {
    String id = clever.addUserApp("mine", "par", List.of(), true);
    clever.calls().clear();
    get("/v2/summary");
    get(appPath(clever.userId(), id) + "/deployments?limit=1");
    post(appPath(clever.userId(), id) + "/instances");
    call(HttpMethod.GET, "/v2/self", null);

    assertThat(clever.calls().count()).isEqualTo(4);
    assertThat(clever.calls().count("GET", "/v2/")).isEqualTo(3);
    assertThat(clever.calls().count("POST", "/v2/organisations/" + clever.userId())).isEqualTo(1);
    FakeCleverApi.Call deployments = clever.calls().all().get(1);
    assertThat(deployments.method()).isEqualTo("GET");
    assertThat(deployments.path()).endsWith("/deployments");
    assertThat(deployments.query()).isEqualTo("limit=1");
    assertThat(deployments.rejection()).isNull();
    assertThat(deployments.at()).isNotNull();
    assertThat(clever.calls().all().get(0).query()).isNull();
    assertThat(clever.calls().all().get(3).rejection()).isNotNull();

    clever.calls().clear();
    assertThat(clever.calls().count()).isZero();
    assertThat(clever.calls().all()).isEmpty();
  }

  // ---- helpers -----------------------------------------------------------------------------

  private static String appPath(String owner, String appId) {
    return "/v2/organisations/" + owner + "/applications/" + appId;
  }

  private TestHttp.Response get(String pathAndQuery) throws Exception {
    return call(HttpMethod.GET, pathAndQuery, plaintextHeader());
  }

  private TestHttp.Response post(String pathAndQuery) throws Exception {
    return call(HttpMethod.POST, pathAndQuery, plaintextHeader());
  }

  private TestHttp.Response call(HttpMethod method, String pathAndQuery, String authorization)
      throws Exception {
    int port = clever.baseUrl().getPort();
    Map<String, String> headers =
        authorization == null ? Map.of() : Map.of("Authorization", authorization);
    return TestHttp.send(client, port, method, "127.0.0.1:" + port, pathAndQuery, headers, null)
        .toCompletionStage()
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
  }

  private static String plaintextHeader() {
    return plaintext(CONSUMER_KEY, CONSUMER_SECRET, TOKEN, TOKEN_SECRET);
  }

  /** The header clever-client.js sends: the PLAINTEXT signature, itself percent-encoded. */
  private static String plaintext(
      String consumerKey, String consumerSecret, String token, String tokenSecret) {
    String signature = encode(consumerSecret) + "&" + encode(tokenSecret);
    return "OAuth oauth_consumer_key=\""
        + encode(consumerKey)
        + "\", oauth_token=\""
        + encode(token)
        + "\", oauth_signature=\""
        + encode(signature)
        + "\"";
  }

  /** A tiny HMAC-SHA512 signer, written apart from the fake's checker. */
  private String hmac(String method, String path, Map<String, String> query, String consumerSecret)
      throws Exception {
    Map<String, String> oauth = new TreeMap<>();
    oauth.put("oauth_consumer_key", CONSUMER_KEY);
    oauth.put("oauth_nonce", UUID.randomUUID().toString().replace("-", ""));
    oauth.put("oauth_signature_method", "HMAC-SHA512");
    oauth.put("oauth_timestamp", String.valueOf(System.currentTimeMillis() / 1000));
    oauth.put("oauth_token", TOKEN);
    oauth.put("oauth_version", "1.0");
    Map<String, String> all = new TreeMap<>(oauth);
    all.putAll(query);
    List<String> pairs = new ArrayList<>();
    all.forEach((name, value) -> pairs.add(encode(name) + "=" + encode(value)));
    String url = "http://127.0.0.1:" + clever.baseUrl().getPort() + path;
    String base = method + "&" + encode(url) + "&" + encode(String.join("&", pairs));
    String key = encode(consumerSecret) + "&" + encode(TOKEN_SECRET);
    Mac mac = Mac.getInstance("HmacSHA512");
    mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
    oauth.put(
        "oauth_signature",
        Base64.getEncoder().encodeToString(mac.doFinal(base.getBytes(StandardCharsets.UTF_8))));
    List<String> header = new ArrayList<>();
    oauth.forEach((name, value) -> header.add(name + "=\"" + encode(value) + "\""));
    return "OAuth " + String.join(", ", header);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8)
        .replace("+", "%20")
        .replace("*", "%2A")
        .replace("%7E", "~");
  }

  private static List<String> appIds(JsonArray apps) {
    List<String> ids = new ArrayList<>();
    apps.forEach(app -> ids.add(((JsonObject) app).getString("id")));
    return ids;
  }
}
