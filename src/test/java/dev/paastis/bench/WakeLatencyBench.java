package dev.paastis.bench;

import dev.paastis.Paastis;
import dev.paastis.config.NetworkTransport;
import dev.paastis.internal.lifecycle.StopReason;
import dev.paastis.internal.proxy.TransportChoice;
import dev.paastis.provider.Providers;
import dev.paastis.provider.clevercloud.CleverCloudBenchPlatform;
import dev.paastis.provider.heroku.HerokuBenchPlatform;
import dev.paastis.provider.scalingo.ScalingoBenchPlatform;
import dev.paastis.testing.TestConfigs;
import dev.paastis.testing.TestHttp;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Wake latency (issue 17, item 3): for each provider, Paastis in process with the app stopped, then
 * N wakes, each a request that waits for the app. Per wake: the boot (from the request to the
 * moment the app could answer, as the platform saw it), the overhead (from that moment to the
 * response at the client), and the provider API calls the wake made (counted by the fakes from the
 * request until the next stop, so that calls still running after the response count too).
 *
 * <p>Usage: {@code WakeLatencyBench [--providers heroku,scalingo,clever-cloud,local] [--wakes 7]
 * [--boot-ms 1000] [--jar target/paastis.jar]}; bench/wake.sh runs it.
 */
public final class WakeLatencyBench {

  /** A wake's calls are counted after this pause, so that those still running are included. */
  private static final Duration SETTLE = Duration.ofMillis(1500);

  private record Wake(int number, long bootMicros, long overheadMicros, List<String> calls) {}

  private record Received(TestHttp.Response response, long nanos) {}

  private WakeLatencyBench() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    List<String> providers =
        List.of(options.getOrDefault("providers", "heroku,scalingo,clever-cloud,local").split(","));
    int wakes = Integer.parseInt(options.getOrDefault("wakes", "7"));
    Duration boot = Duration.ofMillis(Long.parseLong(options.getOrDefault("boot-ms", "1000")));
    Path jar = Path.of(options.getOrDefault("jar", "target/paastis.jar")).toAbsolutePath();
    System.out.printf(
        "Wake latency: %d wakes per provider, fake boot %d ms%n", wakes, boot.toMillis());
    for (String provider : providers) {
      Vertx platformVertx = Vertx.vertx();
      try (BenchPlatform platform = platform(provider, platformVertx, boot, jar)) {
        report(platform, run(platform, wakes));
      } finally {
        platformVertx.close().await();
      }
    }
  }

  private static BenchPlatform platform(String name, Vertx vertx, Duration boot, Path jar)
      throws Exception {
    return switch (name) {
      case "heroku" -> HerokuBenchPlatform.start(vertx, boot);
      case "scalingo" -> ScalingoBenchPlatform.start(vertx, boot);
      case "clever-cloud" -> CleverCloudBenchPlatform.start(vertx, boot);
      case "local" -> new LocalBenchPlatform(jar, Files.createTempDirectory("paastis-wake"));
      default ->
          throw new IllegalArgumentException(
              "unknown provider: " + name + " (expected: heroku, scalingo, clever-cloud, local)");
    };
  }

  private static List<Wake> run(BenchPlatform platform, int wakes) throws Exception {
    // the transport a deployed Paastis takes (TRANSPORT=auto)
    Vertx vertx = TransportChoice.create(NetworkTransport.AUTO);
    TestConfigs configs = new TestConfigs();
    configs.providers = List.of(platform.name());
    configs.maxIdleTime = Duration.ofHours(1);
    Paastis paastis =
        Paastis.create(
            configs.build(),
            vertx,
            new Providers(List.of(platform.provider(vertx))),
            Clock.systemUTC());
    // the client has its own Vert.x, as a client on another machine would not share Paastis's
    Vertx clientVertx = Vertx.vertx();
    HttpClient client = clientVertx.createHttpClient();
    List<Wake> results = new ArrayList<>();
    try {
      paastis.start().await();
      for (int number = 1; number <= wakes; number++) {
        stop(paastis, platform);
        results.add(wake(number, paastis, platform, client));
      }
      stop(paastis, platform);
    } finally {
      paastis.stop().await();
      vertx.close().await();
      clientVertx.close().await();
    }
    return results;
  }

  /**
   * Stops the app through Paastis, as its idle sweep would (so that Paastis knows it asleep), and
   * waits until it cannot answer.
   */
  private static void stop(Paastis paastis, BenchPlatform platform) throws InterruptedException {
    while (platform.appUpSinceNanos().isPresent()) {
      paastis.lifecycle().stopper().stop(platform.appKey(), StopReason.MANUAL).await();
      Thread.sleep(50);
    }
    Thread.sleep(300);
  }

  private static Wake wake(int number, Paastis paastis, BenchPlatform platform, HttpClient client)
      throws Exception {
    int callsBefore = platform.calls().size();
    platform.beforeWake();
    long sent = System.nanoTime();
    // the time is read on the client's event loop, as the whole response has arrived
    Received received =
        TestHttp.send(
                client,
                paastis.port(),
                HttpMethod.GET,
                platform.hostLabel() + ".proxy.test",
                "/",
                Map.of(),
                null)
            .map(response -> new Received(response, System.nanoTime()))
            .toCompletionStage()
            .toCompletableFuture()
            .get(60, TimeUnit.SECONDS);
    if (received.response().status() != 200) {
      throw new IllegalStateException(
          "wake "
              + number
              + " answered "
              + received.response().status()
              + ": "
              + received.response().text());
    }
    OptionalLong up = platform.appUpSinceNanos();
    if (up.isEmpty()) {
      throw new IllegalStateException("wake " + number + ": the app is not up after its answer");
    }
    Thread.sleep(SETTLE.toMillis());
    List<String> calls = platform.calls();
    return new Wake(
        number,
        (up.getAsLong() - sent) / 1_000,
        (received.nanos() - up.getAsLong()) / 1_000,
        calls.subList(callsBefore, calls.size()));
  }

  private static void report(BenchPlatform platform, List<Wake> wakes) {
    System.out.printf("%n## %s%n%n", platform.name());
    System.out.println("| wake | boot (ms) | overhead (ms) | API calls |");
    System.out.println("|---|---|---|---|");
    for (Wake wake : wakes) {
      System.out.printf(
          Locale.ROOT,
          "| %d | %.1f | %.1f | %d |%n",
          wake.number(),
          wake.bootMicros() / 1000.0,
          wake.overheadMicros() / 1000.0,
          wake.calls().size());
    }
    System.out.printf(
        Locale.ROOT,
        "| median | %.1f | %.1f | %s |%n",
        median(wakes.stream().map(Wake::bootMicros).toList()) / 1000.0,
        median(wakes.stream().map(Wake::overheadMicros).toList()) / 1000.0,
        median(wakes.stream().map(wake -> (long) wake.calls().size()).toList()));
    if (!wakes.isEmpty()) {
      System.out.println();
      System.out.println("Calls of the first wake: " + shortened(wakes.get(0).calls()));
      System.out.println(
          "Calls of the last wake: " + shortened(wakes.get(wakes.size() - 1).calls()));
    }
  }

  /** Ids in paths become placeholders, so that the lists read at a glance. */
  private static List<String> shortened(List<String> calls) {
    return calls.stream()
        .map(
            call ->
                call.replaceAll("(user|orga)_[0-9a-f-]+", "{owner}")
                    .replaceAll("app_[0-9a-f-]+", "{app}")
                    .replaceAll("/[0-9a-f]{24}", "/{id}"))
        .toList();
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new java.util.HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --option value, got " + args[i]);
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    return options;
  }
}
