package dev.paastis.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paastis.Paastis;
import dev.paastis.app.AppState;
import dev.paastis.provider.Providers;
import dev.paastis.testing.FakeProvider;
import dev.paastis.testing.MutableClock;
import dev.paastis.testing.TestConfigs;
import dev.paastis.testing.TestUpstream;
import io.vertx.core.Vertx;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin API commands against a real Paastis, in process, with its admin listener on. */
class AdminCommandsTest {

  private static final String TOKEN = "cli-admin-token-5678";
  private final Vertx vertx = Vertx.vertx();
  private final MutableClock clock = new MutableClock();
  private FakeProvider provider;
  private Paastis paastis;

  @BeforeEach
  void setUp() throws Exception {
    TestUpstream tracked = TestUpstream.start(vertx);
    TestUpstream asleep = TestUpstream.start(vertx);
    provider = new FakeProvider(vertx, "fake", Duration.ofSeconds(10));
    provider.withRunningApp("tracked", tracked.uri());
    provider.withStoppedApp("asleep", asleep.uri());
    // an app's web URL answers only while it runs, as behind a platform's router
    tracked.servesWhile(() -> provider.serves(tracked.uri()));
    asleep.servesWhile(() -> provider.serves(asleep.uri()));
    TestConfigs configs = new TestConfigs();
    configs.adminToken = Optional.of(TOKEN);
    configs.maxIdleTime = Duration.ofMinutes(20);
    paastis = Paastis.create(configs.build(), vertx, new Providers(List.of(provider)), clock);
    paastis.start().await();
  }

  @AfterEach
  void tearDown() {
    paastis.stop().await();
    vertx.close().await();
  }

  /** The environment of someone on the server's machine: the server's own token variable. */
  private Map<String, String> env() {
    return Map.of(
        "PAASTIS_ADMIN_URL", "http://127.0.0.1:" + paastis.adminPort(), "ADMIN_API_TOKEN", TOKEN);
  }

  private CliRun paastis(String... args) {
    CliRun run = CliRun.run(env(), args);
    assertThat(run.err()).as("stderr of paastis %s", List.of(args)).isEmpty();
    assertThat(run.exitCode()).isZero();
    return run;
  }

  private static JsonNode json(CliRun run) throws Exception {
    return AdminClient.JSON.readTree(run.out());
  }

  @Test
  void apps_lists_every_app_with_times_relative_to_the_server_clock() {
    clock.advance(Duration.ofMinutes(3));

    assertThat(paastis("apps").out().lines())
        .containsExactly(
            "NAME     STATE    PROVIDER  REGION  LAST ACCESS  WHY         CHANGES IN  SLEPT 7D",
            "asleep   STOPPED  fake      -       -            asleep      -           0h",
            "tracked  RUNNING  fake      -       3m ago       idle_timer  17m         0h");
  }

  @Test
  void apps_json_prints_the_api_answer() throws Exception {
    JsonNode answer = json(paastis("apps", "--json"));

    assertThat(answer.path("now").asText()).isEqualTo(clock.instant().toString());
    assertThat(answer.path("apps").findValuesAsText("name")).containsExactly("asleep", "tracked");
  }

  @Test
  void start_waits_until_the_app_runs() {
    assertThat(paastis("start", "asleep").out()).matches("asleep is RUNNING \\(\\d+\\.\\ds\\)\\R");

    assertThat(provider.stateOf("asleep")).isEqualTo(AppState.RUNNING);
  }

  @Test
  void start_without_waiting_returns_at_once_and_the_app_wakes_meanwhile() {
    assertThat(paastis("start", "--no-wait", "asleep").out())
        .startsWith("start of asleep requested; it is ");

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> provider.stateOf("asleep") == AppState.RUNNING);
  }

  @Test
  void stop_waits_until_the_app_is_stopped_and_json_prints_the_app() throws Exception {
    assertThat(paastis("stop", "tracked").out()).matches("tracked is STOPPED \\(\\d+\\.\\ds\\)\\R");
    assertThat(provider.stateOf("tracked")).isEqualTo(AppState.STOPPED);

    JsonNode app = json(paastis("start", "tracked", "--json"));
    assertThat(app.path("name").asText()).isEqualTo("tracked");
    assertThat(app.path("state").asText()).isEqualTo("RUNNING");
  }

  @Test
  void pin_wakes_the_app_and_prints_until_when_and_unpin_ends_it() throws Exception {
    String until = clock.instant().plus(Duration.ofHours(2)).toString();

    assertThat(paastis("pin", "asleep", "--for", "2h").out())
        .isEqualTo("asleep is RUNNING, pinned until " + until + System.lineSeparator());
    assertThat(provider.stateOf("asleep")).isEqualTo(AppState.RUNNING);

    JsonNode unpinned = json(paastis("unpin", "asleep", "--json"));
    assertThat(unpinned.path("pinned_until").isNull()).isTrue();
    assertThat(paastis("unpin", "asleep").out())
        .isEqualTo("asleep is no longer pinned; it is RUNNING" + System.lineSeparator());
  }

  @Test
  void pin_without_a_valid_duration_prints_what_is_accepted() {
    CliRun run = CliRun.run(env(), "pin", "asleep", "--for", "soon");

    assertThat(run.exitCode()).isNotZero();
    assertThat(run.err()).contains("for=soon is not accepted").contains("2h");
    assertThat(provider.stateOf("asleep")).isEqualTo(AppState.STOPPED);
  }

  @Test
  void events_are_listed_and_filtered() throws Exception {
    paastis("start", "asleep");

    List<String> lines = paastis("events", "--app", "asleep").out().lines().toList();
    assertThat(lines.get(0)).matches("TIME +TYPE +APP +PROVIDER +DETAILS");
    assertThat(lines.subList(1, lines.size()))
        .allMatch(line -> line.matches("\\S+Z +APP_\\w+ +asleep +fake.*"))
        .anyMatch(line -> line.contains(" APP_STARTING "))
        .anyMatch(line -> line.contains(" APP_STARTED "));

    JsonNode started = json(paastis("events", "--type", "app_started", "--since", "1h", "--json"));
    assertThat(started.path("events").findValuesAsText("type")).containsOnly("APP_STARTED");
    assertThat(started.path("events").findValuesAsText("app")).contains("asleep");

    List<String> page = paastis("events", "--limit", "1").out().lines().toList();
    assertThat(page).hasSize(3);
    assertThat(page.get(2)).matches("\\(more: add --cursor \\d+\\.\\d+\\)");
    String cursor = page.get(2).replaceAll(".*--cursor (\\S+)\\)", "$1");
    List<String> next =
        paastis("events", "--limit", "1", "--cursor", cursor).out().lines().toList();
    assertThat(next.get(1)).isNotEqualTo(page.get(1));
    assertThat(paastis("events", "--since", "2099-01-01T00:00:00Z").out()).startsWith("no events");
  }

  @Test
  void follow_prints_each_new_event_until_interrupted() throws Exception {
    StringWriter out = new StringWriter();
    CompletableFuture<CliRun> following = new CompletableFuture<>();
    Thread runner =
        new Thread(
            () ->
                following.complete(
                    CliRun.run(env(), out, "events", "--follow", "--type", "APP_STARTED")),
            "paastis-events-follow");
    runner.start();
    await().atMost(Duration.ofSeconds(20)).until(() -> out.toString().startsWith("TIME"));
    // the header comes once the server has answered; the loop only guards against a slow feed
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              paastis("stop", "tracked");
              paastis("start", "tracked");
              return out.toString().contains("APP_STARTED");
            });

    runner.interrupt();
    CliRun run = following.get(20, TimeUnit.SECONDS);

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    List<String> lines = out.toString().lines().toList();
    assertThat(lines.subList(1, lines.size()))
        .allMatch(line -> line.contains("APP_STARTED") && line.contains("tracked"));
  }

  @Test
  void savings_show_the_hours_of_each_app_and_json_prints_the_api_answer() throws Exception {
    clock.advance(Duration.ofHours(2));
    paastis("stop", "tracked");
    clock.advance(Duration.ofHours(1));

    List<String> lines = paastis("savings", "--since", "1d").out().lines().toList();

    assertThat(lines.get(0))
        .isEqualTo(
            "from "
                + Times.iso(clock.instant().minus(Duration.ofDays(1)))
                + " to "
                + Times.iso(clock.instant()));
    assertThat(lines.subList(1, lines.size()))
        .containsExactly(
            "APP      AWAKE  ASLEEP  WAKES  COST/H  SAVING",
            "tracked  2h     1h      0      -       -",
            "TOTAL    2h     1h      0              -");
    JsonNode answer = json(paastis("savings", "--json"));
    assertThat(answer.path("apps").findValuesAsText("app")).containsExactly("tracked");
    assertThat(answer.path("totals").path("hours_asleep").asDouble()).isEqualTo(1.0);
  }

  @Test
  void a_savings_window_longer_than_the_events_are_kept_is_refused_by_the_server() {
    CliRun run = CliRun.run(env(), "savings", "--since", "90d");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .startsWith("paastis: since=90d is not accepted: expected a duration")
        .endsWith("(HTTP 400)" + System.lineSeparator());
  }

  @Test
  void a_wrong_token_is_refused_with_a_message_naming_the_flag() {
    CliRun run = CliRun.run(env(), "apps", "--token", "not-the-token");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            "paastis: the admin API at http://127.0.0.1:"
                + paastis.adminPort()
                + " refused the token from --token (HTTP 401): set the right one with --token,"
                + " PAASTIS_ADMIN_TOKEN or ADMIN_API_TOKEN"
                + System.lineSeparator());
    assertThat(run.out()).isEmpty();
  }

  @Test
  void server_errors_print_their_detail() {
    CliRun unknown = CliRun.run(env(), "start", "nope");
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.err()).startsWith("paastis: ").contains("nope", "(HTTP 404)");

    CliRun badType = CliRun.run(env(), "events", "--type", "APP_NAPPING");
    assertThat(badType.exitCode()).isEqualTo(1);
    assertThat(badType.err())
        .startsWith("paastis: type=APP_NAPPING is not an event type: expected one of [")
        .endsWith("(HTTP 400)" + System.lineSeparator());
  }
}
