package dev.paastis.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real jar with the local provider and real child processes (the demo app of the same jar),
 * spoken to with the JDK's HTTP client. Paastis runs with a 64 MB heap, so bodies larger than that
 * can only pass if they are streamed.
 */
class LocalProviderIT {

  @TempDir Path dir;
  private PaastisProcess paastis;
  private int port;
  private int appPort;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeEach
  void startPaastis() throws Exception {
    port = PaastisProcess.freePort();
    appPort = PaastisProcess.freePort();
    PaastisProcess.writeDemoApp(dir, "hello", appPort);
    paastis =
        PaastisProcess.start(
            dir,
            Map.of(
                "PORT", Integer.toString(port),
                "HOST", "127.0.0.1",
                "START_AND_STOP_MAX_IDLE_TIME", "3s",
                "START_AND_STOP_CHECKING_INTERVAL_CRON", "* * * * * *",
                "LOG_FORMAT", "pretty"),
            List.of("-Xmx64m"),
            "serve");
    paastis.awaitPort(port, Duration.ofSeconds(30));
  }

  @AfterEach
  void stopPaastis() throws Exception {
    if (paastis != null) {
      paastis.close();
    }
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Host", "hello.localhost")
        .timeout(Duration.ofSeconds(60));
  }

  private boolean appListens() {
    try (Socket socket = new Socket("127.0.0.1", appPort)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void the_first_request_starts_the_child_and_passes_a_1_MB_body_intact() throws Exception {
    assertThat(appListens()).isFalse();
    byte[] body = new byte[1024 * 1024];
    new Random(7).nextBytes(body);

    HttpResponse<String> response =
        http.send(
            request("/echo?from=test").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains(sha256(body)).contains("from=test");
    assertThat(appListens()).isTrue();
    assertThat(paastis.output()).contains("[hello]").contains("started");
  }

  @Test
  void an_idle_child_is_stopped_and_the_next_request_starts_a_new_one() throws Exception {
    assertThat(http.send(request("/").build(), HttpResponse.BodyHandlers.ofString()).statusCode())
        .isEqualTo(200);

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> paastis.output().contains("app hello stopped (idle)"));
    assertThat(appListens()).isFalse();

    assertThat(http.send(request("/").build(), HttpResponse.BodyHandlers.ofString()).statusCode())
        .isEqualTo(200);
  }

  @Test
  void fifty_megabytes_stream_both_ways_through_a_64_MB_heap() throws Exception {
    int size = 50 * 1024 * 1024;
    Supplier<InputStream> upload = () -> new PatternStream(size);

    HttpResponse<String> uploaded =
        http.send(
            request("/echo").POST(HttpRequest.BodyPublishers.ofInputStream(upload)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(uploaded.statusCode()).isEqualTo(200);
    assertThat(uploaded.body()).contains("\"bodyLength\":" + size);

    HttpResponse<InputStream> downloaded =
        http.send(
            request("/download?bytes=" + size).build(), HttpResponse.BodyHandlers.ofInputStream());
    assertThat(downloaded.statusCode()).isEqualTo(200);
    long received;
    try (InputStream in = downloaded.body()) {
      received = in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    assertThat(received).isEqualTo(size);
    assertThat(paastis.process.isAlive()).isTrue();
  }

  @Test
  void server_sent_events_arrive_one_by_one_through_the_proxy() throws Exception {
    HttpResponse<java.util.stream.Stream<String>> response =
        http.send(
            request("/sse?count=3&intervalMs=200").header("Accept", "text/event-stream").build(),
            HttpResponse.BodyHandlers.ofLines());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
    List<String> data =
        response.body().filter(line -> line.startsWith("data:")).collect(Collectors.toList());
    assertThat(data).hasSize(3);
  }

  @Test
  void stopping_paastis_stops_its_children() throws Exception {
    assertThat(http.send(request("/").build(), HttpResponse.BodyHandlers.ofString()).statusCode())
        .isEqualTo(200);
    assertThat(appListens()).isTrue();

    paastis.terminate();

    await().atMost(Duration.ofSeconds(15)).until(() -> !appListens());
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  /** {@code size} bytes of a repeating pattern, generated as they are read. */
  private static final class PatternStream extends InputStream {
    private final long size;
    private long position;

    PatternStream(long size) {
      this.size = size;
    }

    @Override
    public int read() {
      return position < size ? (int) (position++ % 251) : -1;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (position >= size) {
        return -1;
      }
      int count = (int) Math.min(length, size - position);
      for (int i = 0; i < count; i++) {
        buffer[offset + i] = (byte) (position++ % 251);
      }
      return count;
    }
  }
}
