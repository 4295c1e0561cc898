package dev.paastis.provider.local;

import static org.awaitility.Awaitility.await;

import dev.paastis.config.LocalAppConfig;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Helpers for tests that run real child processes on real ports. */
public final class LocalTesting {

  public static final Duration PATIENCE = Duration.ofSeconds(30);

  private LocalTesting() {}

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean portIsFree(int port) {
    try (ServerSocket socket = new ServerSocket(port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Waits for a future from the test thread; never call it on a Vert.x thread. */
  public static <T> T join(Future<T> future) {
    try {
      return future.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("no result within " + PATIENCE, e);
    }
  }

  static LocalAppConfig shellApp(String name, String command, Path dir) {
    return shellApp(name, command, dir, Duration.ofSeconds(5), Map.of());
  }

  static LocalAppConfig shellApp(
      String name, String command, Path dir, Duration stopGrace, Map<String, String> env) {
    return new LocalAppConfig(name, command, freePort(), "/", env, stopGrace, dir);
  }

  /** The lines of {@code file} once it has at least {@code count} complete lines. */
  static List<String> awaitLines(Path file, int count) {
    return await().atMost(PATIENCE).until(() -> lines(file), lines -> lines.size() >= count);
  }

  /** The pid written by a child with {@code echo $$ > file}. */
  static long awaitPid(Path file) {
    return Long.parseLong(awaitLines(file, 1).get(0).trim());
  }

  static boolean isAlive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  private static List<String> lines(Path file) throws IOException {
    if (!Files.exists(file)) {
      return List.of();
    }
    String text = Files.readString(file);
    int end = text.lastIndexOf('\n');
    return end < 0 ? List.of() : text.substring(0, end).lines().toList();
  }

  /** A response with its whole body. */
  public record Reply(int status, Map<String, String> headers, Buffer body) {
    public String text() {
      return body.toString();
    }
  }

  /**
   * Sends a request and reads the whole response. {@code body()} is called in a callback of {@code
   * send()} itself: one compose further down the chain may run a turn later, after the body went
   * by, and then waits forever (seen about once in 3000 requests).
   */
  public static Future<Reply> send(HttpClient client, RequestOptions options, Buffer body) {
    return client
        .request(options)
        .compose(req -> (body == null ? req.send() : req.send(body)).compose(LocalTesting::read));
  }

  private static Future<Reply> read(HttpClientResponse resp) {
    return resp.body().map(bytes -> new Reply(resp.statusCode(), headersOf(resp.headers()), bytes));
  }

  public static Reply get(HttpClient client, int port, String uri, String accept) {
    RequestOptions options =
        new RequestOptions()
            .setMethod(HttpMethod.GET)
            .setHost("127.0.0.1")
            .setPort(port)
            .setURI(uri)
            .putHeader("Accept", accept);
    return join(send(client, options, null));
  }

  private static Map<String, String> headersOf(MultiMap headers) {
    Map<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach(map::put);
    return map;
  }
}
