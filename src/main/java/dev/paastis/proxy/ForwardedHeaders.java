package dev.paastis.proxy;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Header rules of DESIGN §4 for requests on their way to an upstream: X-Forwarded-For/-Proto/-Host
 * set (an incoming Proto or Host from a front load balancer is kept), Origin rewritten only when it
 * is the proxy's own origin, hop-by-hop headers stripped both ways (including those Connection
 * names).
 */
final class ForwardedHeaders {

  /** Hop-by-hop header names, compared without regard to case and without allocating. */
  static final Set<String> HOP_BY_HOP = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

  static {
    HOP_BY_HOP.addAll(
        List.of(
            "connection",
            "keep-alive",
            "proxy-authenticate",
            "proxy-authorization",
            "proxy-connection",
            "te",
            "trailer",
            "transfer-encoding",
            "upgrade"));
  }

  private ForwardedHeaders() {}

  /** {@code host} is the incoming request's Host (with its port), null when it had none. */
  static void apply(MultiMap headers, HttpServerRequest incoming, String host, URI upstream) {
    addForwardedFor(headers, incoming.remoteAddress());
    if (!headers.contains("x-forwarded-proto")) {
      headers.set("x-forwarded-proto", incoming.scheme());
    }
    if (!headers.contains("x-forwarded-host") && host != null) {
      headers.set("x-forwarded-host", host);
    }
    String origin = headers.get("origin");
    if (origin != null && host != null && origin.equals(incoming.scheme() + "://" + host)) {
      headers.set("origin", originOf(upstream));
    }
  }

  /** Adds to {@code to} the end-to-end headers of {@code from}: hop-by-hop ones stay behind. */
  static void copyEndToEnd(MultiMap from, MultiMap to) {
    String connection = from.get("connection");
    for (Map.Entry<String, String> header : from) {
      String name = header.getKey();
      if (!isHopByHop(name, connection)) {
        to.add(name, header.getValue());
      }
    }
  }

  /** Whether a header is hop-by-hop, given the value of the message's Connection header. */
  static boolean isHopByHop(String name, String connection) {
    if (HOP_BY_HOP.contains(name)) {
      return true;
    }
    if (connection == null) {
      return false;
    }
    for (String named : connection.split(",")) {
      if (named.trim().equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  static String originOf(URI upstream) {
    int port = upstream.getPort();
    return upstream.getScheme() + "://" + upstream.getHost() + (port < 0 ? "" : ":" + port);
  }

  private static void addForwardedFor(MultiMap headers, SocketAddress client) {
    if (client == null || client.hostAddress() == null) {
      return;
    }
    String previous = headers.get("x-forwarded-for");
    headers.set(
        "x-forwarded-for",
        previous == null ? client.hostAddress() : previous + ", " + client.hostAddress());
  }
}
