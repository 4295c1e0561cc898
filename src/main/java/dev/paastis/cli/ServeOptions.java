package dev.paastis.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The flags of {@code paastis serve}; they win over the environment and {@code .env}. */
final class ServeOptions {

  @Option(
      names = {"-P", "--port"},
      description = "Port the proxy listens on (PORT, default 3000).")
  Integer port;

  @Option(
      names = {"-H", "--host"},
      description = "Address the proxy listens on (HOST, default 0.0.0.0).")
  String host;

  @Option(
      names = "--max-idle-time",
      paramLabel = "DURATION",
      description =
          "Idle time before an app is stopped: 30s, 10m, 2h; a bare number is minutes"
              + " (START_AND_STOP_MAX_IDLE_TIME, default 15).")
  String maxIdleTime;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "The paastis.yml to read (PAASTIS_CONFIG, default ./paastis.yml).")
  String configFile;

  /** The flags given, keyed by the variable each one overrides. */
  Map<String, String> overrides() {
    Map<String, String> overrides = new LinkedHashMap<>();
    if (port != null) {
      overrides.put("PORT", port.toString());
    }
    if (host != null) {
      overrides.put("HOST", host);
    }
    if (maxIdleTime != null) {
      overrides.put("START_AND_STOP_MAX_IDLE_TIME", maxIdleTime);
    }
    if (configFile != null) {
      overrides.put("PAASTIS_CONFIG", configFile);
    }
    return overrides;
  }
}
