package dev.paastis.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * One app of the {@code local} provider, declared in {@code paastis.yml} under {@code local:
 * apps:}.
 *
 * @param name the app key
 * @param command run with {@code sh -c}
 * @param port the loopback port the app listens on (also given to it as PORT)
 * @param healthPath the path probed for readiness, {@code /} by default
 * @param env extra environment variables for the child
 * @param stopGrace how long a TERM may take before KILL, 10s by default
 * @param workingDirectory the folder of {@code paastis.yml}
 */
public record LocalAppConfig(
    String name,
    String command,
    int port,
    String healthPath,
    Map<String, String> env,
    Duration stopGrace,
    Path workingDirectory) {

  public LocalAppConfig {
    env = Map.copyOf(env);
  }
}
