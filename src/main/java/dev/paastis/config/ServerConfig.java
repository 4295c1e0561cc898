package dev.paastis.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Where the proxy listens (HOST, PORT, --host, --port), its edge timeouts, how long it lets
 * requests in flight finish when it is asked to stop (SHUTDOWN_GRACE), and the network transport of
 * its sockets (TRANSPORT).
 */
public record ServerConfig(
    String host,
    int port,
    ProxyTimeouts timeouts,
    Duration shutdownGrace,
    NetworkTransport transport) {

  /**
   * A little under the 30 s that Heroku, Scalingo and Clever Cloud leave between TERM and KILL, so
   * that the local apps can still be stopped and Paastis exits by itself.
   */
  public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(25);

  public ServerConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(timeouts, "timeouts");
    Objects.requireNonNull(shutdownGrace, "shutdownGrace");
    Objects.requireNonNull(transport, "transport");
    if (shutdownGrace.isNegative()) {
      throw new IllegalArgumentException("shutdownGrace must not be negative: " + shutdownGrace);
    }
  }

  /** With the transport chosen automatically. */
  public ServerConfig(String host, int port, ProxyTimeouts timeouts, Duration shutdownGrace) {
    this(host, port, timeouts, shutdownGrace, NetworkTransport.AUTO);
  }

  /** With the default timeouts and shutdown grace, and the transport chosen automatically. */
  public ServerConfig(String host, int port) {
    this(host, port, ProxyTimeouts.DEFAULTS, DEFAULT_SHUTDOWN_GRACE);
  }
}
