package dev.paastis.internal.lifecycle;

import dev.paastis.config.HooksConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the HOOKS_* shell commands with {@code sh -c} on a worker thread, never on the event loop. A
 * hook that fails or times out is logged with its exit code; the returned future always succeeds,
 * so that a broken hook never blocks a start or a stop.
 */
public final class HookRunner {

  private static final Logger LOG = LoggerFactory.getLogger(HookRunner.class);

  private final Vertx vertx;
  private final HooksConfig config;

  public HookRunner(Vertx vertx, HooksConfig config) {
    this.vertx = vertx;
    this.config = config;
  }

  public Future<Void> run(HookPhase phase, String app, String provider) {
    Optional<String> command = commandFor(phase);
    if (command.isEmpty()) {
      return Future.succeededFuture();
    }
    return vertx
        .<Void>executeBlocking(() -> runBlocking(command.get(), phase, app, provider), false)
        .recover(
            failure -> {
              LOG.warn(
                  "hook {} for app {} could not run: {}", phase.value(), app, failure.toString());
              return Future.succeededFuture();
            });
  }

  private Optional<String> commandFor(HookPhase phase) {
    return switch (phase) {
      case BEFORE_START -> config.beforeStart();
      case AFTER_START -> config.afterStart();
      case BEFORE_STOP -> config.beforeStop();
      case AFTER_STOP -> config.afterStop();
    };
  }

  private Void runBlocking(String command, HookPhase phase, String app, String provider)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true);
    builder.environment().put("PAASTIS_APP_NAME", app);
    builder.environment().put("PAASTIS_PROVIDER", provider);
    builder.environment().put("PAASTIS_PHASE", phase.value());
    Process process = builder.start();
    process.getOutputStream().close();
    Thread pump = new Thread(() -> logOutput(process, phase, app), "hook-" + phase.value());
    pump.setDaemon(true);
    pump.start();
    boolean finished = process.waitFor(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
    if (!finished) {
      // The shell first, so that it cannot go on to its next command once its current child dies;
      // its children are listed before, as they are re-parented (and unlisted) when it dies.
      List<ProcessHandle> children = process.descendants().toList();
      process.destroyForcibly();
      children.forEach(ProcessHandle::destroyForcibly);
      LOG.warn(
          "hook {} for app {} was killed after {}s (HOOKS_TIMEOUT)",
          phase.value(),
          app,
          config.timeout().toSeconds());
      return null;
    }
    pump.join(1000);
    int exit = process.exitValue();
    if (exit == 0) {
      LOG.info("hook {} for app {} succeeded", phase.value(), app);
    } else {
      LOG.warn("hook {} for app {} failed with exit code {}", phase.value(), app, exit);
    }
    return null;
  }

  private static void logOutput(Process process, HookPhase phase, String app) {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        LOG.info("hook {} [{}] {}", phase.value(), app, line);
      }
    } catch (IOException e) {
      LOG.debug("hook {} output closed: {}", phase.value(), e.toString());
    }
  }
}
