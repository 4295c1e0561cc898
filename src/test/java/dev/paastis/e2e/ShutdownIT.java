package dev.paastis.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TERM to the real jar, as Heroku, Scalingo and Clever Cloud send it on every deploy and restart:
 * requests in flight to a local app (a child process that answers after a few seconds) finish, new
 * connections are refused, the child is stopped and the process exits with code 0.
 */
class ShutdownIT {

  private static final String TOKEN = "it-admin-token";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private PaastisProcess paastis;
  private int port;
  private int adminPort;
  private int appPort;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @AfterEach
  void stopPaastis() throws Exception {
    if (paastis != null) {
      paastis.close();
    }
  }

  private void startPaastis(String shutdownGrace) throws Exception {
    port = PaastisProcess.freePort();
    adminPort = PaastisProcess.freePort();
    appPort = PaastisProcess.freePort();
    PaastisProcess.writeDemoApp(dir, "hello", appPort);
    paastis =
        PaastisProcess.start(
            dir,
            Map.of(
                "PORT",
                Integer.toString(port),
                "HOST",
                "127.0.0.1",
                "ADMIN_ENABLED",
                "true",
                "ADMIN_PORT",
                Integer.toString(adminPort),
                "ADMIN_API_TOKEN",
                TOKEN,
                "SHUTDOWN_GRACE",
                shutdownGrace,
                "LOG_FORMAT",
                "pretty"),
            List.of("-Xmx96m"),
            "serve");
    paastis.awaitPort(adminPort, Duration.ofSeconds(30));
  }

  private HttpRequest slow(long ms) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slow?ms=" + ms))
        .header("Host", "hello.localhost")
        .timeout(Duration.ofSeconds(90))
        .build();
  }

  /** Requests and WebSockets in flight to the app, as the admin API counts them. */
  private int inFlight() throws Exception {
    HttpResponse<String> app =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + "/api/apps/hello"))
                .header("Authorization", "Bearer " + TOKEN)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(app.body()).get("in_flight").asInt();
  }

  private boolean refusesConnections() {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      return false;
    } catch (ConnectException refused) {
      return true;
    } catch (IOException other) {
      return false;
    }
  }

  /** The processes Paastis runs (the app's shell and JVM), to check none outlives it. */
  private List<ProcessHandle> children() {
    return paastis.process.descendants().toList();
  }

  @Test
  void term_lets_fifty_slow_requests_finish_refuses_new_connections_and_exits_0() throws Exception {
    startPaastis("25s");
    assertThat(http.send(slow(1), HttpResponse.BodyHandlers.ofString()).statusCode())
        .isEqualTo(200); // the child is up
    List<ProcessHandle> children = children();
    assertThat(children).isNotEmpty();
    List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      responses.add(http.sendAsync(slow(4_000), HttpResponse.BodyHandlers.ofString()));
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> inFlight() == 50);

    paastis.process.destroy(); // TERM

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> paastis.output().contains("draining the proxy"));
    await().atMost(Duration.ofSeconds(10)).until(this::refusesConnections);
    // not one slow response had been sent when the port was already closed
    assertThat(responses).anyMatch(response -> !response.isDone());
    for (CompletableFuture<HttpResponse<String>> response : responses) {
      HttpResponse<String> done = response.get(60, TimeUnit.SECONDS);
      assertThat(done.statusCode()).isEqualTo(200);
      assertThat(done.body()).isEqualTo("waited 4000 ms\n");
    }
    assertThat(paastis.process.waitFor(60, TimeUnit.SECONDS)).as(paastis.output()).isTrue();
    assertThat(paastis.process.exitValue()).as(paastis.output()).isZero();
    assertThat(children).noneMatch(ProcessHandle::isAlive);
    assertThat(paastis.output())
        .contains("50 request(s) in flight given up to 25s")
        .contains("every request in flight finished")
        .contains("stopping local app hello")
        .contains("Paastis stopped");
  }

  @Test
  void a_request_still_running_when_the_grace_runs_out_is_cut_and_paastis_still_exits()
      throws Exception {
    startPaastis("1s");
    CompletableFuture<HttpResponse<String>> endless =
        http.sendAsync(slow(60_000), HttpResponse.BodyHandlers.ofString());
    await().atMost(Duration.ofSeconds(60)).until(() -> inFlight() == 1);
    List<ProcessHandle> children = children();

    paastis.process.destroy(); // TERM

    assertThat(paastis.process.waitFor(60, TimeUnit.SECONDS)).as(paastis.output()).isTrue();
    assertThat(paastis.process.exitValue()).as(paastis.output()).isZero();
    assertThat(paastis.output()).contains("SHUTDOWN_GRACE=1s ran out, 1 request(s)");
    assertThatThrownBy(() -> endless.get(30, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(IOException.class);
    assertThat(children).noneMatch(ProcessHandle::isAlive);
  }
}
