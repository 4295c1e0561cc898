package dev.paastis.bench;

import dev.paastis.config.LocalAppConfig;
import dev.paastis.provider.Provider;
import dev.paastis.provider.local.LocalProvider;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The {@code local} provider running the jar's demo app, as bench/run.sh section (d) does. No API:
 * no call is counted.
 *
 * <p>When the app can answer is not when it binds its port: its first request takes a few hundred
 * milliseconds more (a cold JVM). So, like the fakes' routers, an observer outside Paastis tells
 * it: during a wake it asks the app directly at its web URL, {@code HEAD /} every 2 ms, and the
 * moment its first answer arrives is the moment the app could answer anyone.
 */
final class LocalBenchPlatform implements BenchPlatform {

  private final Path folder;
  private final int port;
  private final String command;
  private volatile long answeredNanos = -1;
  private volatile Thread observer;

  LocalBenchPlatform(Path jar, Path folder) {
    this.folder = folder;
    this.port = freePort();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    this.command =
        "exec '"
            + java
            + "' -Xmx256m -XX:+UseParallelGC -cp '"
            + jar
            + "' dev.paastis.demo.DemoApp --name bench --port "
            + port
            + " >> '"
            + folder.resolve("demo-app.log")
            + "' 2>&1";
  }

  @Override
  public String name() {
    return "local";
  }

  @Override
  public Provider provider(Vertx paastisVertx) {
    LocalAppConfig app =
        new LocalAppConfig(
            "bench", command, port, "/health", Map.of(), Duration.ofSeconds(5), folder);
    return new LocalProvider(paastisVertx, Duration.ofSeconds(30), List.of(app));
  }

  @Override
  public String appKey() {
    return "bench";
  }

  @Override
  public String hostLabel() {
    return "bench";
  }

  @Override
  public void beforeWake() {
    answeredNanos = -1;
    Thread watching = new Thread(this::observe, "wake-observer");
    watching.setDaemon(true);
    observer = watching;
    watching.start();
  }

  /** Empty while nothing listens on the app's port; else when the observer was first answered. */
  @Override
  public OptionalLong appUpSinceNanos() {
    if (!answers()) {
      return OptionalLong.empty();
    }
    Thread watching = observer;
    if (watching != null) {
      try {
        watching.join(Duration.ofSeconds(30).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    long answered = answeredNanos;
    return answered < 0 ? OptionalLong.of(System.nanoTime()) : OptionalLong.of(answered);
  }

  @Override
  public List<String> calls() {
    return List.of();
  }

  @Override
  public void close() {
    // the provider stops the app when Paastis stops
  }

  private void observe() {
    long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < until) {
      if (answers()) {
        answeredNanos = System.nanoTime();
        return;
      }
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Whether {@code HEAD /} gets a status line now. */
  private boolean answers() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      socket.setSoTimeout(5_000);
      socket.getOutputStream().write("HEAD / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      byte[] head = in.readNBytes(12);
      return new String(head, StandardCharsets.US_ASCII).startsWith("HTTP/1.");
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
