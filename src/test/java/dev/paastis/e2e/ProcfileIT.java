package dev.paastis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Procfile's web command, run as Heroku and Scalingo run it (a shell, PORT set, the repository
 * as working directory): Paastis starts with the JVM options it gives and answers on PORT on every
 * interface, not only on loopback, as the platforms' routers reach it from outside the container.
 */
class ProcfileIT {

  private static final Path PROCFILE = Path.of("Procfile");
  private static final String JAR_IN_PROCFILE = "target/paastis.jar";

  @TempDir Path dir;

  static String webCommand() throws Exception {
    List<String> web =
        Files.readAllLines(PROCFILE, StandardCharsets.UTF_8).stream()
            .filter(line -> line.startsWith("web:"))
            .toList();
    assertThat(web).as("one web: line in the Procfile").hasSize(1);
    return web.get(0).substring("web:".length()).trim();
  }

  @Test
  void the_web_command_with_port_set_answers_on_every_interface() throws Exception {
    String command = webCommand();
    assertThat(command).startsWith("java ").contains(JAR_IN_PROCFILE);
    int port = PaastisProcess.freePort();
    PaastisProcess.writeDemoApp(dir, "hello", PaastisProcess.freePort());

    ProcessBuilder builder =
        new ProcessBuilder(
                "sh",
                "-c",
                "exec "
                    + command.replace(
                        JAR_IN_PROCFILE, "'" + PaastisProcess.JAR.toAbsolutePath() + "'"))
            .directory(dir.toFile())
            .redirectErrorStream(true);
    Path log = Files.createTempFile(dir, "procfile", ".log");
    builder.redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.keySet()
        .removeIf(
            name ->
                name.startsWith("PROVIDER_")
                    || name.equals("HOST")
                    || name.equals("PAASTIS_JAVA_OPTIONS"));
    env.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + env.get("PATH"));
    env.put("PORT", Integer.toString(port));
    env.put("PROVIDER_NAME", "local");
    Process process = builder.start();
    try {
      awaitPort(process, log, port);
      List<String> hosts = new ArrayList<>(List.of("127.0.0.1"));
      nonLoopbackAddress().ifPresent(hosts::add);

      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      for (String host : hosts) {
        HttpResponse<String> response =
            client.send(
                HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/"))
                    .header("Host", "nothing.example.com")
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("answer on %s", host).isEqualTo(404);
        assertThat(response.body()).as("answer on %s", host).contains("No app named nothing");
      }
    } finally {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    }
    assertThat(process.exitValue()).as(Files.readString(log)).isZero();
  }

  private static void awaitPort(Process process, Path log, int port) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the web command exited: " + Files.readString(log));
      }
      try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
        return;
      } catch (java.io.IOException notYet) {
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException("nothing listened on " + port + ": " + Files.readString(log));
  }

  /** An IPv4 address of this machine other than loopback, when it has one. */
  private static java.util.Optional<String> nonLoopbackAddress() throws Exception {
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!nic.isUp() || nic.isLoopback()) {
        continue;
      }
      for (InetAddress address : Collections.list(nic.getInetAddresses())) {
        if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
          return java.util.Optional.of(address.getHostAddress());
        }
      }
    }
    return java.util.Optional.empty();
  }
}
