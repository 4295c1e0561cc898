package dev.paastis.demo;

import dev.paastis.config.LocalAppConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Local app declarations that run {@link DemoApp} with the JVM and class path of this one. */
public final class DemoApps {

  /** Small and fast to start: many demo apps may run side by side on a small machine. */
  private static final List<String> JVM_OPTIONS =
      List.of("-XX:TieredStopAtLevel=1", "-Xss512k", "-Xmx64m", "-XX:+UseSerialGC");

  private static final Duration STOP_GRACE = Duration.ofSeconds(5);

  private DemoApps() {}

  /** A demo app named {@code name} on {@code port}, health path {@code /health}. */
  public static LocalAppConfig demoApp(String name, int port, Path workingDirectory) {
    return new LocalAppConfig(
        name, command(name, port), port, "/health", Map.of(), STOP_GRACE, workingDirectory);
  }

  /** The shell command; {@code exec} so that the JVM itself receives TERM. */
  static String command(String name, int port) {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> words = new ArrayList<>(List.of(java.toString()));
    words.addAll(JVM_OPTIONS);
    words.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            DemoApp.class.getName(),
            "--name",
            name,
            "--port",
            Integer.toString(port)));
    return "exec " + words.stream().map(DemoApps::quote).collect(Collectors.joining(" "));
  }

  /** Single-quotes a word for {@code sh}: a quote inside becomes {@code '\''}. */
  static String quote(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
