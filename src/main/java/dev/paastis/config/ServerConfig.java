package dev.paastis.config;

/** Where the proxy listens (HOST, PORT, --host, --port) and its edge timeouts. */
public record ServerConfig(String host, int port, ProxyTimeouts timeouts) {

  /** With the default timeouts. */
  public ServerConfig(String host, int port) {
    this(host, port, ProxyTimeouts.DEFAULTS);
  }
}
