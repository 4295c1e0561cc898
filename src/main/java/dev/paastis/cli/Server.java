package dev.paastis.cli;

import dev.paastis.Paastis;
import dev.paastis.ProviderChoice;
import dev.paastis.config.Durations;
import dev.paastis.config.LocalAppConfig;
import dev.paastis.config.PaastisConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs Paastis in the foreground until TERM or Ctrl-C, then stops it gracefully ({@link
 * Paastis#stop()}: the proxy drains within SHUTDOWN_GRACE, the local apps are stopped) and returns
 * 0.
 */
final class Server {

  private static final Logger LOG = LoggerFactory.getLogger(Server.class);

  /** Beyond the grace: time to stop the local apps (their stop_grace) and close the stores. */
  private static final Duration CLOSE_MARGIN = Duration.ofMinutes(1);

  private Server() {}

  static int run(
      Map<String, String> overrides, List<LocalAppConfig> extraApps, Consumer<Paastis> started)
      throws InterruptedException {
    PaastisConfig config =
        ProviderChoice.configLoader(System.getenv(), Path.of("").toAbsolutePath())
            .load(overrides, extraApps);
    LoggingSetup.apply(config.logging());
    Paastis paastis = Paastis.create(config);
    StopSignals signals = StopSignals.install();
    AtomicBoolean stopping = new AtomicBoolean();
    // When the JVM ends another way (a failed start, a second TERM, TERM where the signal could
    // not be taken over): stop what can be stopped, unless the graceful stop is under way.
    Thread hook =
        new Thread(
            () -> {
              if (stopping.compareAndSet(false, true)) {
                stop(paastis);
              }
            },
            "paastis-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      paastis.start().toCompletionStage().toCompletableFuture().join();
    } catch (CompletionException e) {
      // a rejected credential is a user mistake: let Main print it and exit with code 2
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
    started.accept(paastis);
    signals.await();
    if (!stopping.compareAndSet(false, true)) {
      return 0;
    }
    boolean stopped = stop(paastis);
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException exiting) {
      // a second signal is ending the JVM meanwhile: the hook finds the stop done
    }
    return stopped ? 0 : Main.RUNTIME_ERROR;
  }

  /** True when Paastis stopped within its grace and the margin. */
  private static boolean stop(Paastis paastis) {
    Duration bound = paastis.config().server().shutdownGrace().plus(CLOSE_MARGIN);
    try {
      paastis
          .stop()
          .toCompletionStage()
          .toCompletableFuture()
          .get(bound.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      LOG.warn("Paastis did not stop within {}: exiting anyway", Durations.format(bound));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.warn("Paastis did not stop cleanly: {}", e.toString());
    }
    return false;
  }
}
