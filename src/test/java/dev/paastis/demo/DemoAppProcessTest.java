package dev.paastis.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paastis.provider.local.LocalTesting;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The demo app as {@code paastis demo} runs it: a child JVM started by its shell command. */
@Timeout(60)
class DemoAppProcessTest {

  @TempDir Path dir;
  private final List<Process> spawned = new ArrayList<>();

  @AfterEach
  void killLeftovers() {
    spawned.forEach(Process::destroyForcibly);
  }

  @Test
  void announcesItsPortOnceBoundAndEndsOnTerm() throws Exception {
    int port = LocalTesting.freePort();
    Process demo = spawn(DemoApps.demoApp("it's-me", port, dir).command());

    String announced = firstLineStartingWith(demo, "DemoApp ");
    demo.destroy();

    assertThat(announced).startsWith("DemoApp it's-me listening on " + port + " at ");
    assertThat(demo.waitFor(LocalTesting.PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void exitsWithOneAndSaysSoWhenThePortIsTaken() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      Process demo = spawn(DemoApps.demoApp("late", taken.getLocalPort(), dir).command());

      String error = new String(demo.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

      assertThat(demo.waitFor(LocalTesting.PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
      assertThat(demo.exitValue()).isEqualTo(1);
      assertThat(error).contains("port " + taken.getLocalPort() + " is already in use");
    }
  }

  private Process spawn(String command) throws IOException {
    Process process = new ProcessBuilder("sh", "-c", command).directory(dir.toFile()).start();
    spawned.add(process);
    return process;
  }

  /** Skips what the logging framework may print first. */
  private static String firstLineStartingWith(Process process, String prefix) throws IOException {
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = reader.readLine()) != null) {
      if (line.startsWith(prefix)) {
        return line;
      }
    }
    return "(no line starting with '" + prefix + "')";
  }
}
