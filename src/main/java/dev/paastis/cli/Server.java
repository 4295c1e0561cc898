package dev.paastis.cli;

import dev.paastis.Paastis;
import dev.paastis.config.ConfigLoader;
import dev.paastis.config.LocalAppConfig;
import dev.paastis.config.PaastisConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs Paastis in the foreground until the JVM is asked to stop (Ctrl-C, TERM). */
final class Server {

  private static final Logger LOG = LoggerFactory.getLogger(Server.class);

  private Server() {}

  static int run(
      Map<String, String> overrides, List<LocalAppConfig> extraApps, Consumer<Paastis> started)
      throws InterruptedException {
    PaastisConfig config =
        new ConfigLoader(System.getenv(), Path.of("").toAbsolutePath()).load(overrides, extraApps);
    LoggingSetup.apply(config.logging());
    Paastis paastis = Paastis.create(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  LOG.info("stopping Paastis");
                  try {
                    paastis
                        .stop()
                        .toCompletionStage()
                        .toCompletableFuture()
                        .get(30, TimeUnit.SECONDS);
                  } catch (Exception e) {
                    LOG.warn("Paastis did not stop cleanly: {}", e.toString());
                  }
                  stopped.countDown();
                },
                "paastis-shutdown"));
    try {
      paastis.start().toCompletionStage().toCompletableFuture().join();
    } catch (CompletionException e) {
      // a rejected credential is a user mistake: let Main print it and exit with code 2
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
    started.accept(paastis);
    stopped.await();
    return 0;
  }
}
