package dev.paastis.provider.local;

import dev.paastis.config.LocalAppConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/** One running process of a local app, with the threads that copy its output to the log. */
final class LocalChild {

  private final String app;
  private final Process process;
  private volatile boolean stopRequested;

  private LocalChild(String app, Process process) {
    this.app = app;
    this.process = process;
  }

  /**
   * Runs {@code sh -c <command>} in the app's working directory with the parent's environment plus
   * PORT and the app's env. Blocking: call it off the event loop.
   */
  static LocalChild spawn(LocalAppConfig config) throws IOException {
    ProcessBuilder builder = new ProcessBuilder("sh", "-c", config.command());
    if (config.workingDirectory() != null) {
      builder.directory(config.workingDirectory().toFile());
    }
    builder.environment().put("PORT", Integer.toString(config.port()));
    builder.environment().putAll(config.env());
    Process process = builder.start();
    // Nothing is ever written to a child: closing stdin lets one that reads it see EOF.
    process.getOutputStream().close();
    OutputPump.start(config.name(), "stdout", process.getInputStream());
    OutputPump.start(config.name(), "stderr", process.getErrorStream());
    return new LocalChild(config.name(), process);
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** The exit code; only meaningful once {@link #isAlive()} is false. */
  int exitCode() {
    return process.exitValue();
  }

  ProcessHandle handle() {
    return process.toHandle();
  }

  /** Calls {@code listener} with the exit code when the process exits, on a JDK thread. */
  void onExit(IntConsumer listener) {
    process.onExit().thenAccept(exited -> listener.accept(exited.exitValue()));
  }

  /** Marks the coming exit as asked for, so it is not reported as a failure. */
  void markStopRequested() {
    stopRequested = true;
  }

  boolean stopRequested() {
    return stopRequested;
  }

  /** TERM, then KILL after {@code grace}, to the process and its descendants. Blocking. */
  void terminate(Duration grace) throws InterruptedException {
    ProcessTree.terminate(List.of(process.toHandle()), grace);
    // The handle may report the exit a moment before Process does; wait so isAlive() agrees.
    process.waitFor(1, TimeUnit.SECONDS);
  }

  @Override
  public String toString() {
    return app + " (pid " + pid() + ")";
  }
}
