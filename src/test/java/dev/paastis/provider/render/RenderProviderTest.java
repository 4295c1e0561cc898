package dev.paastis.provider.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.paastis.app.AppState;
import dev.paastis.app.Formation;
import dev.paastis.app.ProviderApp;
import dev.paastis.provider.AnswerOrigin;
import dev.paastis.provider.CredentialsRejectedException;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RenderProviderTest {

  private final Vertx vertx = Vertx.vertx();
  private FakeRenderApi render;
  private RenderProvider provider;

  @BeforeEach
  void setUp() {
    render = FakeRenderApi.start(vertx, RenderTesting.KEY);
    provider = RenderTesting.provider(vertx, render);
  }

  @AfterEach
  void tearDown() {
    provider.close().await();
    render.close();
    vertx.close().await();
  }

  @Test
  void web_services_are_listed_by_name_with_their_url_region_and_suspension() {
    render.addService("awake", "https://awake.onrender.com", false);
    render.addService("asleep", "https://asleep.onrender.com", true);
    render.addService("unpaid", "https://unpaid.onrender.com", false);
    render.suspendBy("unpaid", "billing", "user");
    render.addOtherService("background_worker", "worker");

    List<ProviderApp> apps = provider.list().await();

    assertThat(apps)
        .extracting(app -> app.key() + "=" + app.state())
        .containsExactlyInAnyOrder("awake=RUNNING", "asleep=STOPPED", "unpaid=FAILED");
    assertThat(apps)
        .filteredOn(app -> app.key().equals("awake"))
        .singleElement()
        .satisfies(
            app -> {
              assertThat(app.upstream().orElseThrow()).hasToString("https://awake.onrender.com");
              assertThat(app.region()).contains("oregon");
              assertThat(app.formation()).isEqualTo(Formation.of(Map.of("web", 1)));
            });
  }

  @Test
  void the_listing_follows_every_cursor_and_asks_only_for_web_services() {
    for (int i = 0; i < 7; i++) {
      render.addService("svc-" + i, null, i % 2 == 0);
    }
    RenderProvider paging = RenderTesting.provider(vertx, render, Optional.empty(), 2);

    assertThat(paging.list().await()).hasSize(7);

    List<FakeRenderApi.Call> listings =
        render.calls().all().stream().filter(call -> call.path().equals("/v1/services")).toList();
    assertThat(listings).hasSize(4);
    assertThat(listings).allSatisfy(call -> assertThat(call.query()).contains("type=web_service"));
    assertThat(listings.subList(1, 4))
        .allSatisfy(call -> assertThat(call.query()).contains("cursor="));
    paging.close().await();
  }

  @Test
  void an_owner_id_keeps_the_listing_to_that_workspace() {
    render.addService("mine", null, false);
    render.addService("tea-someone-else", "theirs", null, false);
    RenderProvider mine =
        RenderTesting.provider(vertx, render, Optional.of(FakeRenderApi.OWNER), 100);

    assertThat(mine.list().await()).extracting(ProviderApp::key).containsExactly("mine");
    assertThat(render.calls().all().get(0).query()).contains("ownerId=" + FakeRenderApi.OWNER);
    mine.close().await();
  }

  @Test
  void a_tick_reads_deploys_only_for_services_whose_suspension_changed() {
    for (int i = 0; i < 10; i++) {
      render.addService("svc-" + i, null, i < 5);
    }
    provider.list().await();
    assertThat(render.calls().count("GET", "/v1/services/")).isZero();
    render.calls().clear();

    provider.list().await();
    assertThat(render.calls().count()).isEqualTo(1);

    render.setResumeDelay(Duration.ofMillis(1));
    provider.start("svc-0", Formation.DEFAULT).await();
    await().until(() -> render.deployStatuses("svc-0").get(0).equals("live"));
    render.calls().clear();

    assertThat(provider.list().await())
        .filteredOn(app -> app.key().equals("svc-0"))
        .singleElement()
        .satisfies(app -> assertThat(app.state()).isEqualTo(AppState.RUNNING));
    assertThat(render.calls().count("GET", "/v1/services/")).isEqualTo(1);
    render.calls().clear();

    provider.list().await();
    assertThat(render.calls().count()).isEqualTo(1);
  }

  @Test
  void a_resumed_service_is_starting_until_its_deploy_is_live_not_running_on_the_old_one() {
    render.setResumeDelay(Duration.ofMinutes(10));
    render.addService("sleepy", null, true);
    assertThat(provider.status("sleepy").await().state()).isEqualTo(AppState.STOPPED);

    provider.start("sleepy", Formation.of(Map.of("web", 3))).await();

    // the deploy from before the suspension still reads live: it must not count
    assertThat(render.deployStatuses("sleepy")).containsExactly("live");
    assertThat(provider.status("sleepy").await().state()).isEqualTo(AppState.STARTING);
    render.finishResume("sleepy");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> provider.status("sleepy").await().state() == AppState.RUNNING);
    assertThat(render.deployStatuses("sleepy")).containsExactly("live", "deactivated");
  }

  @Test
  void a_resume_whose_deploy_fails_is_reported_failed() {
    render.setResumeDelay(Duration.ofMillis(1));
    render.addService("broken", null, true);
    render.failNextResume("broken", "update_failed");

    provider.start("broken", Formation.DEFAULT).await();

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> provider.status("broken").await().state() == AppState.FAILED);
  }

  @Test
  void a_failed_deploy_behind_which_an_older_one_is_live_still_serves() {
    assertThat(RenderServices.deployState(deploys("build_failed", "canceled", "live")))
        .isEqualTo(AppState.RUNNING);
    assertThat(RenderServices.deployState(deploys("pre_deploy_failed", "deactivated")))
        .isEqualTo(AppState.FAILED);
    assertThat(RenderServices.deployState(deploys("queued", "live"))).isEqualTo(AppState.STARTING);
    assertThat(RenderServices.deployState(deploys("deactivated"))).isEqualTo(AppState.STARTING);
    assertThat(RenderServices.deployState(deploys())).isEqualTo(AppState.UNKNOWN);
    assertThat(RenderServices.deployState(deploys("something_new"))).isEqualTo(AppState.UNKNOWN);
  }

  @Test
  void a_stop_suspends_and_the_name_lookup_keeps_the_exact_name() {
    render.addService("shop-2", null, false);
    render.addService("shop", null, false);

    provider.stop("shop").await();

    assertThat(render.isSuspended("shop")).isTrue();
    assertThat(render.isSuspended("shop-2")).isFalse();
    assertThat(provider.status("shop").await().formation().total()).isZero();
  }

  @Test
  void a_429_is_retried_after_its_retry_after() {
    render.addService("shop", null, false);
    render.rateLimitNext(2, 0);

    assertThat(provider.status("shop").await().state()).isEqualTo(AppState.RUNNING);
    assertThat(render.calls().count("GET", "/v1/services")).isEqualTo(4);
  }

  @Test
  void a_rejected_api_key_names_the_variable() {
    RenderProvider rejected =
        RenderTesting.provider(vertx, render, "rnd_wrong", Optional.empty(), 100);

    assertThatThrownBy(() -> rejected.verify().await())
        .isInstanceOf(CredentialsRejectedException.class)
        .hasMessageStartingWith("PROVIDER_RENDER_API_KEY was rejected by Render (401)");
    rejected.close().await();
  }

  @Test
  void an_answer_marked_by_render_s_edge_is_never_the_service() {
    MultiMap marked = MultiMap.caseInsensitiveMultiMap().add("X-Render-Routing", "suspend");
    MultiMap plain = MultiMap.caseInsensitiveMultiMap().add("x-render-origin-server", "uvicorn");

    assertThat(provider.originOf(200, marked)).isEqualTo(AnswerOrigin.PLATFORM);
    assertThat(provider.originOf(404, marked)).isEqualTo(AnswerOrigin.PLATFORM);
    assertThat(provider.originOf(404, plain)).isEqualTo(AnswerOrigin.APP);
    assertThat(provider.originOf(503, plain)).isEqualTo(AnswerOrigin.PLATFORM);
  }

  private static List<JsonObject> deploys(String... statuses) {
    return Arrays.stream(statuses)
        .map(status -> new JsonObject().put("id", "dep-" + status).put("status", status))
        .toList();
  }
}
