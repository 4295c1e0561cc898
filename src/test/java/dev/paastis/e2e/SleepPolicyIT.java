package dev.paastis.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sleep policy on the real jar: local demo apps, a tick every second, idle times of seconds,
 * watched through the admin listener ({@code /api/apps}, {@code /api/events}). Each case waits for
 * states and events, never for a duration: a slow machine makes it slower, not red. What a broken
 * policy would do (stop an app inside its keep_awake window or its pin, wake it for a monitor, stop
 * a busy app) shows as an event at the wrong time, and the assertions compare event times with the
 * window's cron fires, the pin's end or the veto's end, not with a stopwatch.
 */
class SleepPolicyIT {

  private static final String TOKEN = "sleep-policy-it-token";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The idle time of every app but the keep_awake one. */
  private static final Duration IDLE = Duration.ofSeconds(3);

  /** Generous: cold JVMs on two shared cores, and up to a whole 20 s cycle of a window. */
  private static final Duration PATIENCE = Duration.ofSeconds(90);

  private static final Duration POLL = Duration.ofMillis(200);

  /**
   * The windows of the schedule case, 6-field crons: open from second 0 to second 10 of every 20
   * (:00-:10, :20-:30, :40-:50), read in UTC (the default SCHEDULE_TIMEZONE).
   */
  private static final String WINDOW = "{ from: '0/20 * * * * *', to: '10/20 * * * * *' }";

  private static final int CYCLE_SECONDS = 20;
  private static final int OPEN_SECONDS = 10;

  @TempDir Path dir;
  private PaastisProcess paastis;
  private int port;
  private int adminPort;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @AfterEach
  void stopPaastis() throws Exception {
    if (paastis != null) {
      paastis.close();
    }
  }

  @Test
  void six_field_windows_keep_an_app_awake_and_another_asleep_for_seconds() throws Exception {
    startPaastis(
        PaastisProcess.demoAppYaml("office", PaastisProcess.freePort())
            + PaastisProcess.demoAppYaml("night", PaastisProcess.freePort()),
        """
          - pattern: '^office$'
            app_max_idle_time: 2s
            keep_awake: [ %s ]
          - pattern: '^night$'
            app_max_idle_time: 10m
            keep_asleep: [ %s ]
        """
            .formatted(WINDOW, WINDOW),
        Map.of());

    // both run at once: each waits for its own phase of the same 20 s cycle
    ExecutorService background = Executors.newSingleThreadExecutor();
    try {
      Future<?> night =
          background.submit(
              () -> {
                keepAsleepStopsARunningAppAndRefusesToWakeItUntilTheWindowCloses("night");
                return null;
              });
      keepAwakeStartsASleepingAppAndKeepsItAwakePastItsIdleDeadline("office");
      night.get(3 * PATIENCE.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException failed) {
      // the keep_asleep side's own failure, as if it had run on this thread
      if (failed.getCause() instanceof Error error) {
        throw error;
      }
      throw failed.getCause() instanceof Exception e ? e : failed;
    } finally {
      background.shutdownNow();
    }
  }

  private void keepAwakeStartsASleepingAppAndKeepsItAwakePastItsIdleDeadline(String app)
      throws Exception {
    // Running, past its idle deadline, with at least 2 s of its window left: without the window
    // the next tick (every second) would stop it. An opening whose start was too slow to see that
    // is skipped: the app is stopped after it closes and started again at the next one.
    AppView kept =
        await()
            .atMost(PATIENCE)
            .pollInterval(POLL)
            .until(
                () -> view(app),
                v ->
                    v.running()
                        && v.sleepsAt().isPresent()
                        && v.now().isAfter(v.sleepsAt().get())
                        && inWindow(v.now())
                        && v.now().isBefore(closingOf(v.now()).minusSeconds(2)));
    Instant opened = openingOf(kept.now());
    Instant closes = closingOf(kept.now());

    // nobody sent it a request: the tick of this opening started it
    JsonNode starting = newest(events(app, "APP_STARTING"), at -> !at.isAfter(kept.now()));
    assertThat(at(starting)).isBetween(opened, kept.now());

    JsonNode stopped = awaitFirstEvent(app, "APP_STOPPED", kept.now());
    assertThat(stopped.get("details").get("reason").asText()).isEqualTo("idle");
    assertThat(at(stopped))
        .as("stopped for idleness only once the keep_awake window closed at %s", closes)
        .isAfterOrEqualTo(closes);
    assertThat(events(app, "APP_STOPPED"))
        .as("no stop between the start at %s and the observation", at(starting))
        .noneMatch(e -> at(e).isAfter(at(starting)) && at(e).isBefore(kept.now()));
  }

  private void keepAsleepStopsARunningAppAndRefusesToWakeItUntilTheWindowCloses(String app)
      throws Exception {
    awaitOutsideWindowWithSecondsLeft(3);
    HttpResponse<String> woken = proxy(app, "/", Optional.empty());
    assertThat(woken.statusCode()).as(woken.body()).isEqualTo(200);

    JsonNode stopped = awaitFirstEvent(app, "APP_STOPPED", Instant.EPOCH);
    assertThat(stopped.get("details").get("reason").asText()).isEqualTo("schedule");
    assertThat(inWindow(at(stopped))).as("stopped at %s, in the window", at(stopped)).isTrue();
    assertThat(view(app).state()).isEqualTo("STOPPED");

    // a request inside the window (at least 3 s of it left) does not wake it
    await()
        .atMost(PATIENCE)
        .pollInterval(POLL)
        .until(() -> inWindow(Instant.now()) && secondOfCycle(Instant.now()) < OPEN_SECONDS - 3);
    HttpResponse<String> refused = proxy(app, "/", Optional.empty());
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
    assertThat(refused.body()).contains("sleeps on schedule");
    assertThat(refused.headers().firstValue("retry-after").map(Integer::parseInt))
        .as("the seconds until the window closes")
        .hasValueSatisfying(seconds -> assertThat(seconds).isBetween(1, OPEN_SECONDS));
    awaitTicks(2);
    assertThat(view(app).state()).isEqualTo("STOPPED");
    assertThat(events(app, "APP_STARTING")).noneMatch(e -> at(e).isAfter(at(stopped)));

    // after the window, a request wakes it
    awaitOutsideWindowWithSecondsLeft(3);
    HttpResponse<String> again = proxy(app, "/", Optional.empty());
    assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
    assertThat(events(app, "APP_STARTED")).anyMatch(e -> at(e).isAfter(at(stopped)));
  }

  @Test
  void a_pinned_app_survives_several_idle_deadlines_then_sleeps_when_the_pin_ends()
      throws Exception {
    startPaastis(PaastisProcess.demoAppYaml("pinned", PaastisProcess.freePort()), "", Map.of());

    PaastisProcess.Result pin =
        PaastisProcess.run(
            dir,
            Map.of("PAASTIS_ADMIN_URL", "http://127.0.0.1:" + adminPort, "ADMIN_API_TOKEN", TOKEN),
            "pin",
            "pinned",
            "--for",
            "12s");
    assertThat(pin.exitCode()).as(pin.output()).isZero();
    assertThat(pin.output()).startsWith("pinned is RUNNING, pinned until ");

    JsonNode pinned = events("pinned", "APP_PINNED").get(0);
    Instant until = Instant.parse(pinned.get("details").get("until").asText());
    AppView shown = view("pinned");
    assertThat(shown.pinnedUntil()).contains(until);
    assertThat(pin.output().strip()).endsWith(until.toString());
    Instant lastAccess = shown.lastAccessedAt().orElseThrow();
    assertThat(until)
        .as("the pin outlasts several idle times")
        .isAfter(lastAccess.plus(IDLE.multipliedBy(3)));

    // idle for three times its idle time, a tick every second: still running while pinned
    AppView later =
        await()
            .atMost(PATIENCE)
            .pollInterval(POLL)
            .until(
                () -> view("pinned"),
                v -> !v.running() || v.now().isAfter(lastAccess.plus(IDLE.multipliedBy(3))));
    if (later.now().isBefore(until)) {
      assertThat(later.state())
          .as("pinned until %s, seen at %s", until, later.now())
          .isEqualTo("RUNNING");
      assertThat(later.lastAccessedAt()).contains(lastAccess);
    }

    JsonNode stopped = awaitFirstEvent("pinned", "APP_STOPPED", Instant.EPOCH);
    assertThat(stopped.get("details").get("reason").asText()).isEqualTo("idle");
    assertThat(at(stopped))
        .as("idle since %s, but pinned until %s", lastAccess, until)
        .isAfterOrEqualTo(until);
  }

  @Test
  void monitors_and_ignored_paths_neither_wake_an_app_nor_keep_it_awake() throws Exception {
    startPaastis(
        PaastisProcess.demoAppYaml("monitored", PaastisProcess.freePort())
            + PaastisProcess.demoAppYaml("probed", PaastisProcess.freePort()),
        "",
        Map.of("WAKE_IGNORED_PATHS", "/health*"));
    Optional<String> uptimeRobot = Optional.of("UptimeRobot/2.0");

    // asleep: a monitor (default WAKE_IGNORED_USER_AGENTS) and the ignored paths get 503
    HttpResponse<String> monitor = proxy("monitored", "/", uptimeRobot);
    assertThat(monitor.statusCode()).as(monitor.body()).isEqualTo(503);
    assertThat(monitor.headers().firstValue("retry-after")).contains("60");
    for (String path : List.of("/health", "/healthz?full=1")) {
      HttpResponse<String> probe = proxy("probed", path, Optional.empty());
      assertThat(probe.statusCode()).as(path + ": " + probe.body()).isEqualTo(503);
      assertThat(probe.headers().firstValue("retry-after")).contains("60");
    }
    awaitTicks(2);
    for (String app : List.of("monitored", "probed")) {
      assertThat(view(app).state()).as(app).isEqualTo("STOPPED");
      assertThat(events(app, "APP_STARTING")).as(app).isEmpty();
    }

    // the monitor and the health checks go on every 500 ms from now on
    List<Integer> monitorStatuses = new CopyOnWriteArrayList<>();
    List<Integer> probeStatuses = new CopyOnWriteArrayList<>();
    List<String> badRetryAfter = new CopyOnWriteArrayList<>();
    ScheduledExecutorService pings = Executors.newScheduledThreadPool(2);
    try {
      pings.scheduleAtFixedRate(
          () -> ping("monitored", "/", uptimeRobot, monitorStatuses, badRetryAfter),
          0,
          500,
          TimeUnit.MILLISECONDS);
      pings.scheduleAtFixedRate(
          () -> ping("probed", "/health", Optional.empty(), probeStatuses, badRetryAfter),
          0,
          500,
          TimeUnit.MILLISECONDS);

      // ordinary requests wake both and keep them awake until the pings were answered a few
      // times (however slow this machine): an awake app answers them
      await()
          .atMost(PATIENCE)
          .pollInterval(POLL)
          .until(
              () -> {
                assertThat(proxy("monitored", "/", Optional.empty()).statusCode()).isEqualTo(200);
                assertThat(proxy("probed", "/", Optional.empty()).statusCode()).isEqualTo(200);
                return count(monitorStatuses, 200) >= 3 && count(probeStatuses, 200) >= 3;
              });

      // then only the pings: they do not move the last access, and each app sleeps when idle
      for (String app : List.of("monitored", "probed")) {
        Instant lastAccess = view(app).lastAccessedAt().orElseThrow();
        StopsAndAccess seen =
            await()
                .atMost(PATIENCE)
                .pollInterval(POLL)
                .until(
                    () ->
                        new StopsAndAccess(
                            eventsAfter(app, "APP_STOPPED", lastAccess),
                            view(app).lastAccessedAt()),
                    now ->
                        !now.stops().isEmpty()
                            || !now.lastAccess().equals(Optional.of(lastAccess)));
        assertThat(seen.lastAccess()).as(app).contains(lastAccess);
        List<JsonNode> stops = seen.stops();
        assertThat(stops).as(app).isNotEmpty();
        assertThat(stops.get(stops.size() - 1).get("details").get("reason").asText())
            .as(app)
            .isEqualTo("idle");
      }

      // still pinged, still asleep
      int monitorSent = monitorStatuses.size();
      int probeSent = probeStatuses.size();
      await()
          .atMost(PATIENCE)
          .pollInterval(POLL)
          .until(
              () ->
                  monitorStatuses.size() >= monitorSent + 4
                      && probeStatuses.size() >= probeSent + 4);
      awaitTicks(1);
      for (String app : List.of("monitored", "probed")) {
        Instant stoppedAt = at(events(app, "APP_STOPPED").get(0));
        assertThat(view(app).state()).as(app).isEqualTo("STOPPED");
        assertThat(eventsAfter(app, "APP_STARTING", stoppedAt)).as(app).isEmpty();
      }
    } finally {
      pings.shutdownNow();
      pings.awaitTermination(30, TimeUnit.SECONDS);
    }
    assertThat(monitorStatuses).containsOnly(200, 503).endsWith(503, 503, 503, 503);
    assertThat(probeStatuses).containsOnly(200, 503).endsWith(503, 503, 503, 503);
    assertThat(badRetryAfter).isEmpty();
  }

  @Test
  void a_busy_app_has_its_idle_stop_postponed_until_it_is_no_longer_busy() throws Exception {
    Path busyFile = dir.resolve("job.lock");
    startPaastis(
        PaastisProcess.demoAppYaml(
            "worker", PaastisProcess.freePort(), "--busy-file", busyFile.toString()),
        """
          - pattern: '^worker$'
            busy_probe: /busy
            busy_retry: 4s
        """,
        Map.of());
    Files.createFile(busyFile);

    assertThat(proxy("worker", "/", Optional.empty()).statusCode()).isEqualTo(200);
    Instant lastAccess = view("worker").lastAccessedAt().orElseThrow();

    // idle, asked twice, busy twice: still running
    List<List<JsonNode>> vetoesAndStops =
        await()
            .atMost(PATIENCE)
            .pollInterval(POLL)
            .until(
                () -> List.of(events("worker", "APP_STOP_VETOED"), events("worker", "APP_STOPPED")),
                found -> found.get(0).size() >= 2 || !found.get(1).isEmpty());
    assertThat(vetoesAndStops.get(1)).as("stops").isEmpty();
    List<JsonNode> vetoes = vetoesAndStops.get(0);
    assertThat(vetoes).allSatisfy(veto -> assertThat(at(veto)).isAfter(lastAccess.plus(IDLE)));
    assertThat(vetoes)
        .extracting(veto -> veto.get("details").get("answer").asText())
        .containsOnly("status 423");
    AppView busy = view("worker");
    assertThat(busy.state()).isEqualTo("RUNNING");
    assertThat(busy.lastAccessedAt()).contains(lastAccess);

    Files.delete(busyFile);
    JsonNode stopped = awaitFirstEvent("worker", "APP_STOPPED", Instant.EPOCH);
    assertThat(stopped.get("details").get("reason").asText()).isEqualTo("idle");
    Instant lastVetoEnds =
        events("worker", "APP_STOP_VETOED").stream()
            .map(veto -> Instant.parse(veto.get("details").get("until").asText()))
            .max(Instant::compareTo)
            .orElseThrow();
    assertThat(at(stopped)).as("not before the last veto ends").isAfterOrEqualTo(lastVetoEnds);
  }

  // --- Paastis and its apps

  /** Starts {@code paastis serve} with these local apps and rules, and waits until it is ready. */
  private void startPaastis(String apps, String rules, Map<String, String> env) throws Exception {
    String yml = "local:\n  apps:\n" + apps + (rules.isBlank() ? "" : "rules:\n" + rules);
    Files.writeString(dir.resolve("paastis.yml"), yml);
    port = PaastisProcess.freePort();
    adminPort = PaastisProcess.freePort();
    Map<String, String> all = new HashMap<>();
    all.put("PORT", Integer.toString(port));
    all.put("HOST", "127.0.0.1");
    all.put("ADMIN_ENABLED", "true");
    all.put("ADMIN_PORT", Integer.toString(adminPort));
    all.put("ADMIN_API_TOKEN", TOKEN);
    all.put("START_AND_STOP_MAX_IDLE_TIME", IDLE.toSeconds() + "s");
    all.put("START_AND_STOP_CHECKING_INTERVAL_CRON", "* * * * * *");
    all.put("LOG_FORMAT", "pretty");
    all.putAll(env);
    paastis = PaastisProcess.start(dir, all, List.of("-Xmx96m"), "serve");
    paastis.awaitPort(port, Duration.ofSeconds(30));
    paastis.awaitPort(adminPort, Duration.ofSeconds(30));
    await()
        .atMost(PATIENCE)
        .pollInterval(POLL)
        .until(() -> admin("/health/ready").statusCode() == 200);
  }

  private HttpResponse<String> proxy(String app, String path, Optional<String> userAgent)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Host", app + ".localhost")
            .timeout(Duration.ofSeconds(60));
    userAgent.ifPresent(agent -> request.header("User-Agent", agent));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** One ping of a monitor: its status kept, and a 503 without Retry-After noted. */
  private void ping(
      String app,
      String path,
      Optional<String> userAgent,
      List<Integer> statuses,
      List<String> badRetryAfter) {
    try {
      HttpResponse<String> response = proxy(app, path, userAgent);
      statuses.add(response.statusCode());
      if (response.statusCode() == 503 && response.headers().firstValue("retry-after").isEmpty()) {
        badRetryAfter.add(app + " " + path + ": " + response.body());
      }
    } catch (IOException e) {
      statuses.add(-1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static long count(List<Integer> statuses, int status) {
    return statuses.stream().filter(s -> s == status).count();
  }

  // --- the admin listener

  private HttpResponse<String> admin(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + path))
            .header("Authorization", "Bearer " + TOKEN)
            .timeout(Duration.ofSeconds(30))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode adminJson(String path) throws Exception {
    HttpResponse<String> response = admin(path);
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  /** An app's stops after some instant, and its last access. */
  record StopsAndAccess(List<JsonNode> stops, Optional<Instant> lastAccess) {}

  /** An app as GET /api/apps shows it, with the server's "now". */
  record AppView(
      Instant now,
      String state,
      Optional<Instant> sleepsAt,
      Optional<Instant> lastAccessedAt,
      Optional<Instant> pinnedUntil) {

    boolean running() {
      return state.equals("RUNNING");
    }
  }

  private AppView view(String app) throws Exception {
    JsonNode all = adminJson("/api/apps");
    for (JsonNode node : all.get("apps")) {
      if (node.get("name").asText().equals(app)) {
        return new AppView(
            Instant.parse(all.get("now").asText()),
            node.get("state").asText(),
            instant(node, "sleeps_at"),
            instant(node, "last_accessed_at"),
            instant(node, "pinned_until"));
      }
    }
    throw new AssertionError("no app " + app + " in " + all);
  }

  private static Optional<Instant> instant(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull()
        ? Optional.empty()
        : Optional.of(Instant.parse(value.asText()));
  }

  /** The app's events of that type, newest first. */
  private List<JsonNode> events(String app, String type) throws Exception {
    JsonNode page =
        adminJson(
            "/api/events?limit=1000&app="
                + URLEncoder.encode(app, StandardCharsets.UTF_8)
                + "&type="
                + type);
    List<JsonNode> events = new ArrayList<>();
    page.get("events").forEach(events::add);
    return events;
  }

  /** The app's events of that type recorded after {@code after}, newest first. */
  private List<JsonNode> eventsAfter(String app, String type, Instant after) throws Exception {
    return events(app, type).stream().filter(e -> at(e).isAfter(after)).toList();
  }

  /** Waits for the first event of that type recorded after {@code after}. */
  private JsonNode awaitFirstEvent(String app, String type, Instant after) {
    List<JsonNode> found =
        await()
            .atMost(PATIENCE)
            .pollInterval(POLL)
            .until(() -> eventsAfter(app, type, after), list -> !list.isEmpty());
    return found.get(found.size() - 1);
  }

  private static JsonNode newest(List<JsonNode> newestFirst, Predicate<Instant> at) {
    return newestFirst.stream()
        .filter(e -> at.test(at(e)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no such event in " + newestFirst));
  }

  private static Instant at(JsonNode event) {
    return Instant.parse(event.get("occurred_at").asText());
  }

  private static final Pattern TICKS =
      Pattern.compile(
          "^paastis_scheduler_tick_seconds_count(?:\\{[^}]*})? (\\S+)$", Pattern.MULTILINE);

  /** Scheduler ticks so far, from /metrics. */
  private long ticks() throws Exception {
    HttpResponse<String> metrics = admin("/metrics");
    Matcher matcher = TICKS.matcher(metrics.body());
    assertThat(matcher.find()).as(metrics.body()).isTrue();
    return (long) Double.parseDouble(matcher.group(1));
  }

  /** Waits until the scheduler has run {@code count} more ticks, whatever their pace. */
  private void awaitTicks(int count) throws Exception {
    long from = ticks();
    await().atMost(PATIENCE).pollInterval(POLL).until(() -> ticks() >= from + count);
  }

  // --- the windows of the schedule case

  private static int secondOfCycle(Instant instant) {
    return (int) Math.floorMod(instant.getEpochSecond(), CYCLE_SECONDS);
  }

  private static boolean inWindow(Instant instant) {
    return secondOfCycle(instant) < OPEN_SECONDS;
  }

  /** The from fire that opened the window {@code instant} is in. */
  private static Instant openingOf(Instant instant) {
    return Instant.ofEpochSecond(instant.getEpochSecond() - secondOfCycle(instant));
  }

  /** The to fire that closes the window {@code instant} is in. */
  private static Instant closingOf(Instant instant) {
    return openingOf(instant).plusSeconds(OPEN_SECONDS);
  }

  /** Waits (on this machine's clock, the server's too) until outside the windows, some left. */
  private static void awaitOutsideWindowWithSecondsLeft(int seconds) {
    await()
        .atMost(PATIENCE)
        .pollInterval(POLL)
        .until(
            () -> {
              int second = secondOfCycle(Instant.now());
              return second >= OPEN_SECONDS && second < CYCLE_SECONDS - seconds;
            });
  }
}
