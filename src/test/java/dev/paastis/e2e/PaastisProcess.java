package dev.paastis.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The real fat jar run as a child process, the way a user runs it. */
final class PaastisProcess implements AutoCloseable {

  static final Path JAR = Path.of(System.getProperty("paastis.jar", "target/paastis.jar"));

  final Process process;
  final Path log;

  private PaastisProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /** Runs {@code java [jvmArgs] -jar paastis.jar args} in {@code dir} with extra environment. */
  static PaastisProcess start(
      Path dir, Map<String, String> env, List<String> jvmArgs, String... args) throws IOException {
    List<String> launch = new ArrayList<>(jvmArgs);
    launch.add("-jar");
    launch.add(JAR.toAbsolutePath().toString());
    return launch(dir, env, launch, args);
  }

  /**
   * Runs {@code java -cp paastis.jar:<jars> dev.paastis.cli.Main args}, as a user runs Paastis with
   * a provider plugin.
   */
  static PaastisProcess startWith(
      Path dir, Map<String, String> env, List<Path> jars, String... args) throws IOException {
    StringBuilder classPath = new StringBuilder(JAR.toAbsolutePath().toString());
    jars.forEach(jar -> classPath.append(java.io.File.pathSeparator).append(jar.toAbsolutePath()));
    return launch(dir, env, List.of("-cp", classPath.toString(), "dev.paastis.cli.Main"), args);
  }

  private static PaastisProcess launch(
      Path dir, Map<String, String> env, List<String> launch, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(launch);
    command.addAll(List.of(args));
    Path log = Files.createTempFile(dir, "paastis", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    builder.redirectOutput(log.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("PROVIDER_"));
    builder.environment().putAll(env);
    return new PaastisProcess(builder.start(), log);
  }

  /** Runs to completion and gives the exit code and all output. */
  static Result run(Path dir, Map<String, String> env, String... args) throws Exception {
    return completion(start(dir, env, List.of(), args));
  }

  /** Runs {@code java [jvmArgs] -jar paastis.jar args} to completion, as {@link #run}. */
  static Result run(Path dir, Map<String, String> env, List<String> jvmArgs, String... args)
      throws Exception {
    return completion(start(dir, env, jvmArgs, args));
  }

  /** Runs with provider plugin jars to completion, as {@link #run}. */
  static Result runWith(Path dir, Map<String, String> env, List<Path> jars, String... args)
      throws Exception {
    return completion(startWith(dir, env, jars, args));
  }

  private static Result completion(PaastisProcess started) throws Exception {
    try (PaastisProcess paastis = started) {
      if (!paastis.process.waitFor(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("paastis did not exit: " + paastis.output());
      }
      return new Result(paastis.process.exitValue(), paastis.output());
    }
  }

  record Result(int exitCode, String output) {}

  String output() throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  /** The output once a line holds {@code text}: the log may come a moment after the port opens. */
  String awaitOutput(String text, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      String output = output();
      if (output.contains(text)) {
        return output;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("paastis exited: " + output);
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("paastis never said " + text + ": " + output());
  }

  void awaitPort(int port, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("paastis exited: " + output());
      }
      try (Socket socket = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException("paastis did not listen on " + port + ": " + output());
  }

  /** Writes a {@code paastis.yml} in {@code dir} with one local app that is never woken. */
  static void writeOneLocalApp(Path dir) throws IOException {
    Files.writeString(
        dir.resolve("paastis.yml"),
        "local:\n  apps:\n    - name: a\n      command: sleep 1\n      port: 18080\n");
  }

  /**
   * Writes a {@code paastis.yml} in {@code dir} declaring one local app, {@code name}: the demo app
   * of the jar under test, listening on {@code appPort}.
   */
  static void writeDemoApp(Path dir, String name, int appPort) throws IOException {
    Files.writeString(dir.resolve("paastis.yml"), "local:\n  apps:\n" + demoAppYaml(name, appPort));
  }

  /**
   * One item of {@code local: apps:}, indented for that list: the demo app of the jar under test,
   * named {@code name}, listening on {@code appPort}, with {@code demoArgs} added to its command
   * line (each single-quoted).
   */
  static String demoAppYaml(String name, int appPort, String... demoArgs) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    StringBuilder command =
        new StringBuilder("exec '")
            .append(java)
            .append("' -Xmx64m -cp '")
            .append(JAR.toAbsolutePath())
            .append("' dev.paastis.demo.DemoApp --name ")
            .append(name)
            .append(" --port ")
            .append(appPort);
    for (String arg : demoArgs) {
      command.append(" '").append(arg).append('\'');
    }
    return "    - name: "
        + name
        + "\n      command: \""
        + command.toString().replace("\"", "\\\"")
        + "\"\n      port: "
        + appPort
        + "\n      health_path: /health\n      stop_grace: 5s\n";
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Asks Paastis to stop as Ctrl-C does (TERM) and waits for it. */
  int terminate() throws Exception {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("paastis did not stop on TERM: " + output());
    }
    return process.exitValue();
  }

  @Override
  public void close() throws Exception {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
