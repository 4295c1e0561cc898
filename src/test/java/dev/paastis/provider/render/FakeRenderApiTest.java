package dev.paastis.provider.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paastis.testing.FakeRouter;
import dev.paastis.testing.TestHttp;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake Render answers as the package documentation of the provider says Render does. */
class FakeRenderApiTest {

  private final Vertx vertx = Vertx.vertx();
  private final HttpClient client = vertx.createHttpClient();
  private FakeRenderApi render;

  @BeforeEach
  void startTheFake() {
    render = FakeRenderApi.start(vertx, RenderTesting.KEY);
  }

  @AfterEach
  void stop() {
    render.close();
    vertx.close().await();
  }

  @Test
  void the_listing_pages_with_the_cursor_of_the_last_item_until_a_short_page() throws Exception {
    for (int i = 1; i <= 5; i++) {
      render.addService("svc-" + i, "https://svc-" + i + ".onrender.com", false);
    }
    List<String> names = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    String cursor = null;
    do {
      JsonArray page =
          array(get("/v1/services?limit=2" + (cursor == null ? "" : "&cursor=" + cursor)));
      sizes.add(page.size());
      for (Object item : page) {
        JsonObject entry = (JsonObject) item;
        names.add(entry.getJsonObject("service").getString("name"));
        cursor = entry.getString("cursor");
      }
      if (page.size() < 2) {
        break;
      }
    } while (true);

    assertThat(sizes).containsExactly(2, 2, 1);
    assertThat(names).containsExactly("svc-1", "svc-2", "svc-3", "svc-4", "svc-5");
  }

  @Test
  void a_service_has_render_s_fields_inside_its_cursor_wrapper() throws Exception {
    String id = render.addService("shop", "https://shop.onrender.com", true);

    JsonObject entry = array(get("/v1/services")).getJsonObject(0);
    JsonObject service = entry.getJsonObject("service");

    assertThat(entry.getString("cursor")).isNotBlank();
    assertThat(service.getString("id")).isEqualTo(id).startsWith("srv-");
    assertThat(service.getString("type")).isEqualTo("web_service");
    assertThat(service.getString("ownerId")).isEqualTo(FakeRenderApi.OWNER);
    assertThat(service.getString("suspended")).isEqualTo("suspended");
    assertThat(service.getJsonArray("suspenders")).containsExactly("user");
    assertThat(service.getJsonObject("serviceDetails").getString("url"))
        .isEqualTo("https://shop.onrender.com");
    assertThat(get("/v1/services/" + id).json()).isEqualTo(service);
  }

  @Test
  void a_limit_out_of_range_is_a_bad_request_in_render_s_error_shape() throws Exception {
    for (String limit : List.of("0", "101", "many")) {
      TestHttp.Response response = get("/v1/services?limit=" + limit);

      assertThat(response.status()).isEqualTo(400);
      assertThat(response.json().getString("id")).isEqualTo("bad_request");
      assertThat(response.json().getString("message")).isNotBlank();
    }
  }

  @Test
  void filters_keep_the_type_the_owner_the_exact_name_and_the_suspension_asked() throws Exception {
    render.addService("web", null, false);
    render.addService("web-two", null, true);
    render.addService("tea-other", "elsewhere", null, false);
    render.addOtherService("background_worker", "worker");

    assertThat(names("/v1/services?type=web_service&ownerId=" + FakeRenderApi.OWNER))
        .containsExactly("web", "web-two");
    assertThat(names("/v1/services?name=web")).containsExactly("web");
    assertThat(names("/v1/services?suspended=suspended")).containsExactly("web-two");
    assertThat(names("/v1/services?ownerId=tea-other,tea-none")).containsExactly("elsewhere");
  }

  @Test
  void a_missing_or_wrong_key_is_refused_with_401() throws Exception {
    for (Map<String, String> headers :
        List.of(Map.<String, String>of(), Map.of("Authorization", "Bearer rnd_wrong"))) {
      TestHttp.Response response = call(HttpMethod.GET, "/v1/services", headers);

      assertThat(response.status()).isEqualTo(401);
      assertThat(response.json().getString("id")).isEqualTo("unauthorized");
    }
  }

  @Test
  void an_unknown_service_is_404_in_render_s_error_shape() throws Exception {
    for (String path : List.of("/v1/services/srv-nope", "/v1/services/srv-nope/deploys")) {
      TestHttp.Response response = get(path);

      assertThat(response.status()).isEqualTo(404);
      assertThat(response.json().getString("id")).isEqualTo("not_found");
    }
    assertThat(post("/v1/services/srv-nope/resume").status()).isEqualTo(404);
  }

  @Test
  void a_resume_is_accepted_then_goes_through_a_deploy_until_it_is_live() throws Exception {
    FakeRouter edge = render.addRoutedService("sleepy", true);
    String id = serviceId("sleepy");
    assertThat(edgeAnswer(edge).status()).isEqualTo(503);

    TestHttp.Response accepted = post("/v1/services/" + id + "/resume");

    assertThat(accepted.status()).isEqualTo(202);
    assertThat(accepted.body().length()).isZero();
    assertThat(render.isSuspended("sleepy")).isFalse();
    await().atMost(Duration.ofSeconds(10)).until(() -> render.deployStatuses("sleepy").size() == 2);
    JsonObject newest =
        array(get("/v1/services/" + id + "/deploys?limit=1"))
            .getJsonObject(0)
            .getJsonObject("deploy");
    assertThat(newest.getString("trigger")).isEqualTo("service_resumed");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> render.deployStatuses("sleepy").equals(List.of("live", "deactivated")));
    assertThat(edgeAnswer(edge).status()).isEqualTo(200);
  }

  @Test
  void while_the_resume_s_deploy_is_not_live_the_edge_answers_no_server() throws Exception {
    render.setResumeDelay(Duration.ofSeconds(30));
    FakeRouter edge = render.addRoutedService("slow", true);

    post("/v1/services/" + serviceId("slow") + "/resume");
    TestHttp.Response answer = edgeAnswer(edge);

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.headers().get("x-render-routing")).isEqualTo("no-server");
  }

  @Test
  void a_suspend_is_accepted_idempotent_and_the_edge_then_says_suspended() throws Exception {
    FakeRouter edge = render.addRoutedService("awake", false);
    String id = serviceId("awake");
    assertThat(edgeAnswer(edge).status()).isEqualTo(200);

    assertThat(post("/v1/services/" + id + "/suspend").status()).isEqualTo(202);
    assertThat(post("/v1/services/" + id + "/suspend").status()).isEqualTo(202);

    TestHttp.Response answer = edgeAnswer(edge);
    assertThat(answer.status()).isEqualTo(503);
    assertThat(answer.headers().get("x-render-routing")).isEqualTo("suspend-by-user");
    assertThat(get("/v1/services/" + id).json().getString("suspended")).isEqualTo("suspended");
  }

  @Test
  void a_failed_resume_leaves_its_deploy_failed_and_no_server() throws Exception {
    FakeRouter edge = render.addRoutedService("broken", true);
    render.failNextResume("broken", "build_failed");

    post("/v1/services/" + serviceId("broken") + "/resume");

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> render.deployStatuses("broken").get(0).equals("build_failed"));
    assertThat(edgeAnswer(edge).headers().get("x-render-routing")).isEqualTo("no-server");
  }

  @Test
  void an_injected_429_has_the_rate_limit_headers_and_the_error_body() throws Exception {
    render.rateLimitNext(1, 3);

    TestHttp.Response limited = get("/v1/services");

    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.json().getString("error")).isEqualTo("rate limit exceeded");
    assertThat(limited.headers().get("Retry-After")).isEqualTo("3");
    assertThat(limited.headers().get("Ratelimit-Remaining")).isEqualTo("0");
    assertThat(limited.headers().get("Ratelimit-Reset")).isNotBlank();
    assertThat(get("/v1/services").status()).isEqualTo(200);
  }

  private String serviceId(String name) throws Exception {
    return array(get("/v1/services?name=" + name))
        .getJsonObject(0)
        .getJsonObject("service")
        .getString("id");
  }

  private List<String> names(String path) throws Exception {
    List<String> names = new ArrayList<>();
    array(get(path))
        .forEach(item -> names.add(((JsonObject) item).getJsonObject("service").getString("name")));
    return names;
  }

  private TestHttp.Response edgeAnswer(FakeRouter edge) throws Exception {
    return TestHttp.getWithin(
        client, edge.uri().getPort(), "127.0.0.1", "/", Duration.ofSeconds(10));
  }

  private TestHttp.Response get(String path) throws Exception {
    return call(HttpMethod.GET, path, Map.of("Authorization", "Bearer " + RenderTesting.KEY));
  }

  private TestHttp.Response post(String path) throws Exception {
    return call(HttpMethod.POST, path, Map.of("Authorization", "Bearer " + RenderTesting.KEY));
  }

  private TestHttp.Response call(HttpMethod method, String path, Map<String, String> headers)
      throws Exception {
    int port = render.apiUrl().getPort();
    return TestHttp.send(client, port, method, "127.0.0.1:" + port, path, headers, null)
        .toCompletionStage()
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
  }

  private static JsonArray array(TestHttp.Response response) {
    assertThat(response.status()).isEqualTo(200);
    return new JsonArray(response.body());
  }
}
