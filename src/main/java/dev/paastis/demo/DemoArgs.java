package dev.paastis.demo;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the demo app is told: its name and port, from {@code --name}/{@code --port} or the APP_NAME
 * and PORT environment variables (flags win), and the file whose presence makes it busy ({@code
 * --busy-file}, for a rule's {@code busy_probe}: {@code GET /busy} answers 423 while it exists).
 */
record DemoArgs(String name, int port, Optional<Path> busyFile) {

  static final String USAGE =
      "usage: DemoApp [--name NAME] [--port PORT] [--busy-file PATH] (or APP_NAME, PORT)";

  DemoArgs {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(busyFile, "busyFile");
  }

  /** A demo app that is never busy. */
  DemoArgs(String name, int port) {
    this(name, port, Optional.empty());
  }

  /** Fails with {@link IllegalArgumentException} naming the bad argument. */
  static DemoArgs parse(String[] args, Map<String, String> env) {
    String name = env.getOrDefault("APP_NAME", "demo");
    String port = env.get("PORT");
    Optional<Path> busyFile = Optional.empty();
    for (int i = 0; i < args.length; i += 2) {
      String value = valueOf(args, i);
      switch (args[i]) {
        case "--name" -> name = value;
        case "--port" -> port = value;
        case "--busy-file" -> busyFile = Optional.of(Path.of(value));
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    if (port == null) {
      throw new IllegalArgumentException("no port: give --port or PORT");
    }
    return new DemoArgs(name, parsePort(port), busyFile);
  }

  private static String valueOf(String[] args, int i) {
    if (i + 1 >= args.length) {
      throw new IllegalArgumentException(args[i] + " needs a value");
    }
    return args[i + 1];
  }

  private static int parsePort(String port) {
    try {
      int parsed = Integer.parseInt(port.trim());
      if (parsed >= 0 && parsed <= 65535) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("port must be a number from 0 to 65535, got " + port);
  }
}
