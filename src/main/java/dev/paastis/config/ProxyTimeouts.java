package dev.paastis.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The proxy edge's timeouts (README "Timeouts"; docs/decisions.md compares them with nginx and
 * Envoy).
 *
 * @param clientHeader a client must send a whole request head within this (CLIENT_HEADER_TIMEOUT),
 *     counted from the connection's opening or the head's first byte; else 408 and close
 * @param keepAlive an idle keep-alive connection, with no request in flight, is closed after this
 *     (CLIENT_KEEP_ALIVE_TIMEOUT)
 * @param upstreamConnect connecting to an app's upstream (UPSTREAM_CONNECT_TIMEOUT); else 502
 * @param upstreamResponse the app's response head must arrive within this once the request is sent
 *     (UPSTREAM_RESPONSE_TIMEOUT); else 504. A response body that streams is never cut by it
 */
public record ProxyTimeouts(
    Duration clientHeader,
    Duration keepAlive,
    Duration upstreamConnect,
    Duration upstreamResponse) {

  public static final ProxyTimeouts DEFAULTS =
      new ProxyTimeouts(
          Duration.ofSeconds(60),
          Duration.ofSeconds(120),
          Duration.ofSeconds(5),
          Duration.ofSeconds(60));

  public ProxyTimeouts {
    Objects.requireNonNull(clientHeader, "clientHeader");
    Objects.requireNonNull(keepAlive, "keepAlive");
    Objects.requireNonNull(upstreamConnect, "upstreamConnect");
    Objects.requireNonNull(upstreamResponse, "upstreamResponse");
  }
}
