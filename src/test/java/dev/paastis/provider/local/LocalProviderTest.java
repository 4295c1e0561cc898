package dev.paastis.provider.local;

import static dev.paastis.provider.local.LocalTesting.awaitLines;
import static dev.paastis.provider.local.LocalTesting.awaitPid;
import static dev.paastis.provider.local.LocalTesting.get;
import static dev.paastis.provider.local.LocalTesting.isAlive;
import static dev.paastis.provider.local.LocalTesting.join;
import static dev.paastis.provider.local.LocalTesting.portIsFree;
import static dev.paastis.provider.local.LocalTesting.shellApp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.paastis.app.AppState;
import dev.paastis.app.Formation;
import dev.paastis.app.ProviderApp;
import dev.paastis.config.LocalAppConfig;
import dev.paastis.demo.DemoApps;
import dev.paastis.provider.ProviderException;
import dev.paastis.provider.UnknownAppException;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalProviderTest {

  private static Vertx vertx;
  private static HttpClient http;

  @TempDir Path dir;
  private LocalProvider provider;

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
    http = vertx.createHttpClient();
  }

  @AfterAll
  static void stopVertx() {
    join(vertx.close());
  }

  @AfterEach
  void closeProvider() {
    if (provider != null) {
      join(provider.close());
    }
  }

  private LocalProvider provider(Duration operationTimeout, LocalAppConfig... apps) {
    provider = new LocalProvider(vertx, operationTimeout, List.of(apps));
    return provider;
  }

  private LocalProvider provider(LocalAppConfig... apps) {
    return provider(Duration.ofSeconds(30), apps);
  }

  private AppState state(String key) {
    return join(provider.status(key)).state();
  }

  private void awaitState(String key, AppState expected) {
    await().atMost(LocalTesting.PATIENCE).until(() -> state(key), s -> s == expected);
  }

  @Test
  void describesEveryConfiguredAppAsStoppedWithItsLoopbackUpstream() {
    LocalAppConfig web = shellApp("web", "exec sleep 60", dir);
    LocalAppConfig api = shellApp("api", "exec sleep 60", dir);
    provider(Duration.ofSeconds(7), web, api);

    List<ProviderApp> apps = join(provider.list());

    assertThat(provider.name()).isEqualTo("local");
    assertThat(provider.operationTimeout()).isEqualTo(Duration.ofSeconds(7));
    assertThat(apps).containsExactly(stoppedApp("web", web.port()), stoppedApp("api", api.port()));
  }

  private static ProviderApp stoppedApp(String name, int port) {
    return new ProviderApp(
        name,
        name,
        "local",
        AppState.STOPPED,
        Optional.of(URI.create("http://127.0.0.1:" + port)),
        Optional.empty(),
        Formation.of(Map.of("web", 0)));
  }

  @Test
  void refusesTwoAppsWithTheSameName() {
    LocalAppConfig first = shellApp("web", "exec sleep 60", dir);
    LocalAppConfig second = shellApp("web", "exec sleep 61", dir);

    assertThatThrownBy(() -> provider(first, second))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("web is declared twice");
  }

  @Test
  void rejectsAnUnknownAppInEveryOperation() {
    provider(shellApp("web", "exec sleep 60", dir));

    assertThat(provider.status("nope").cause()).isInstanceOf(UnknownAppException.class);
    assertThat(provider.start("nope", Formation.DEFAULT).cause())
        .isInstanceOf(UnknownAppException.class);
    assertThat(provider.stop("nope").cause()).isInstanceOf(UnknownAppException.class);
  }

  @Test
  void runsTheDemoAppThroughStartingAndRunningThenStopsItAndFreesThePort() throws Exception {
    int port = LocalTesting.freePort();
    LocalAppConfig demo = DemoApps.demoApp("demo", port, dir);
    // The child waits for a file before running the JVM, so STARTING is observed for certain.
    String gated = "while [ ! -f go ]; do sleep 0.05; done; " + demo.command();
    provider(withCommand(demo, gated));

    join(provider.start("demo", Formation.DEFAULT));
    ProviderApp starting = join(provider.status("demo"));
    Files.writeString(dir.resolve("go"), "");
    awaitState("demo", AppState.RUNNING);

    assertThat(starting.state()).isEqualTo(AppState.STARTING);
    assertThat(starting.formation()).isEqualTo(Formation.of(Map.of("web", 1)));
    assertThat(get(http, port, "/", "text/html").text()).contains("Hello from demo");
    long pid = get(http, port, "/", "application/json").body().toJsonObject().getLong("pid");

    join(provider.stop("demo"));

    ProviderApp stopped = join(provider.status("demo"));
    assertThat(stopped.state()).isEqualTo(AppState.STOPPED);
    assertThat(stopped.formation()).isEqualTo(Formation.of(Map.of("web", 0)));
    assertThat(isAlive(pid)).isFalse();
    assertThat(portIsFree(port)).isTrue();
  }

  private static LocalAppConfig withCommand(LocalAppConfig app, String command) {
    return new LocalAppConfig(
        app.name(),
        command,
        app.port(),
        app.healthPath(),
        app.env(),
        app.stopGrace(),
        app.workingDirectory());
  }

  @Test
  void startingAnAppThatRunsKeepsItsChild() {
    provider(shellApp("web", "echo $$ >> pids; exec sleep 60", dir));

    join(provider.start("web", Formation.DEFAULT));
    long pid = awaitPid(dir.resolve("pids"));
    join(provider.start("web", Formation.of(Map.of("web", 3))));

    assertThat(awaitLines(dir.resolve("pids"), 1)).containsExactly(Long.toString(pid));
    assertThat(isAlive(pid)).isTrue();
  }

  @Test
  void stopEndsTheShellAndTheProcessesItForked() {
    provider(shellApp("web", "sleep 60 & echo $! > child; echo $$ > pid; wait", dir));

    join(provider.start("web", Formation.DEFAULT));
    long shell = awaitPid(dir.resolve("pid"));
    long child = awaitPid(dir.resolve("child"));
    join(provider.stop("web"));

    assertThat(state("web")).isEqualTo(AppState.STOPPED);
    assertThat(isAlive(shell)).isFalse();
    assertThat(isAlive(child)).isFalse();
  }

  @Test
  void stopKillsAChildThatIgnoresTermOnceTheGraceIsOver() {
    String stubborn = "trap '' TERM; sleep 60 & echo $! > child; echo $$ > pid; wait";
    provider(shellApp("web", stubborn, dir, Duration.ofSeconds(1), Map.of()));

    join(provider.start("web", Formation.DEFAULT));
    long shell = awaitPid(dir.resolve("pid"));
    long child = awaitPid(dir.resolve("child"));
    join(provider.stop("web"));

    assertThat(state("web")).isEqualTo(AppState.STOPPED);
    assertThat(isAlive(shell)).isFalse();
    assertThat(isAlive(child)).isFalse();
  }

  @Test
  void stoppingAStoppedAppSucceeds() {
    provider(shellApp("web", "exec sleep 60", dir));

    join(provider.stop("web"));
    join(provider.stop("web"));

    assertThat(state("web")).isEqualTo(AppState.STOPPED);
  }

  @Test
  void childGetsPortAndEnvAndRunsInTheWorkingDirectory() {
    LocalAppConfig app =
        shellApp(
            "web",
            "echo \"$PORT $FOO\" > out.txt; exec sleep 60",
            dir,
            Duration.ofSeconds(5),
            Map.of("FOO", "bar baz"));
    provider(app);

    join(provider.start("web", Formation.DEFAULT));

    assertThat(awaitLines(dir.resolve("out.txt"), 1)).containsExactly(app.port() + " bar baz");
  }

  @Test
  void commandExitingNonZeroIsFailedUntilTheNextStart() throws Exception {
    provider(shellApp("web", "test -f ok || exit 3; exec sleep 60", dir));

    join(provider.start("web", Formation.DEFAULT));
    awaitState("web", AppState.FAILED);
    assertThat(join(provider.status("web")).formation()).isEqualTo(Formation.of(Map.of("web", 0)));

    Files.writeString(dir.resolve("ok"), "");
    join(provider.start("web", Formation.DEFAULT));

    assertThat(state("web")).isEqualTo(AppState.STARTING);
  }

  @Test
  void aChildThatCannotBeSpawnedFailsTheStartAndTheApp() {
    provider(shellApp("web", "exec sleep 60", dir.resolve("missing")));

    assertThatThrownBy(() -> join(provider.start("web", Formation.DEFAULT)))
        .isInstanceOf(ProviderException.class)
        .hasMessageContaining("cannot start local app web");
    assertThat(state("web")).isEqualTo(AppState.FAILED);
  }

  @Test
  void commandExitingZeroIsStopped() {
    provider(shellApp("web", "echo $$ > pid", dir));

    join(provider.start("web", Formation.DEFAULT));
    long pid = awaitPid(dir.resolve("pid"));
    await().atMost(LocalTesting.PATIENCE).until(() -> !isAlive(pid));

    assertThat(state("web")).isEqualTo(AppState.STOPPED);
  }

  @Test
  void childThatNeverAnswersIsKilledAfterTheOperationTimeoutAndTheNextStartSpawnsAgain() {
    provider(Duration.ofSeconds(2), shellApp("web", "echo $$ >> pids; exec sleep 60", dir));

    join(provider.start("web", Formation.DEFAULT));
    long first = awaitPid(dir.resolve("pids"));
    awaitState("web", AppState.FAILED);
    await().atMost(LocalTesting.PATIENCE).until(() -> !isAlive(first));

    join(provider.start("web", Formation.DEFAULT));
    List<String> pids = awaitLines(dir.resolve("pids"), 2);
    join(provider.stop("web"));

    assertThat(pids.get(1)).isNotEqualTo(pids.get(0));
    assertThat(isAlive(Long.parseLong(pids.get(1)))).isFalse();
  }

  @Test
  void closeLeavesNoChildAndRefusesLaterStarts() {
    LocalAppConfig web = shellApp("web", "echo $$ > web.pid; exec sleep 60", dir);
    LocalAppConfig api = shellApp("api", "echo $$ > api.pid; exec sleep 60", dir);
    provider(web, api);
    join(provider.start("web", Formation.DEFAULT));
    join(provider.start("api", Formation.DEFAULT));
    long webPid = awaitPid(dir.resolve("web.pid"));
    long apiPid = awaitPid(dir.resolve("api.pid"));

    join(provider.close());

    assertThat(isAlive(webPid)).isFalse();
    assertThat(isAlive(apiPid)).isFalse();
    assertThatThrownBy(() -> join(provider.start("web", Formation.DEFAULT)))
        .isInstanceOf(ProviderException.class);
  }
}
