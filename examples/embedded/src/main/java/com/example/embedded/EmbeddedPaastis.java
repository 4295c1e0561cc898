package com.example.embedded;

import dev.paastis.Paastis;
import dev.paastis.ProviderChoice;
import dev.paastis.config.PaastisConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A program that runs Paastis in-process with the {@code in-process} provider plugin: {@code hello}
 * and {@code world} sleep until a request names them.
 *
 * <pre>
 * mvn -q compile exec:java -Dexec.mainClass=com.example.embedded.EmbeddedPaastis
 * curl -H 'Host: hello.localhost' localhost:3000/
 * </pre>
 */
public final class EmbeddedPaastis {

  private EmbeddedPaastis() {}

  public static void main(String[] args) {
    Paastis paastis = start(System.getenv());
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> paastis.stop().toCompletionStage().toCompletableFuture().join()));
  }

  /**
   * Builds and starts Paastis from these variables (those of a {@code .env} file in the working
   * directory under them), with the {@code in-process} provider unless PROVIDER_NAME says
   * otherwise, and prints every event.
   */
  static Paastis start(Map<String, String> environment) {
    Map<String, String> variables = new HashMap<>(environment);
    variables.putIfAbsent("PROVIDER_NAME", InProcessProvider.NAME);
    variables.putIfAbsent(InProcessPlugin.APPS, "hello=8081,world=8082");
    PaastisConfig config = ProviderChoice.configLoader(variables, Path.of("")).load(Map.of());
    Paastis paastis = Paastis.builder(config).build();
    paastis.onEvent(event -> System.out.println(event.type() + " " + event.app()));
    int port = paastis.start().toCompletionStage().toCompletableFuture().join();
    System.out.println(
        "Paastis listens on port " + port + ": curl -H 'Host: hello.localhost' localhost:" + port);
    return paastis;
  }
}
