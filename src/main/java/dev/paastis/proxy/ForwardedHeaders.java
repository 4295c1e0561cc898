package dev.paastis.proxy;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import java.net.URI;
import java.util.List;

/**
 * Header rules of DESIGN §4 for requests on their way to an upstream: X-Forwarded-For/-Proto/-Host
 * set (an incoming Proto or Host from a front load balancer is kept), Origin rewritten only when it
 * is the proxy's own origin, hop-by-hop headers stripped (including those Connection names).
 */
final class ForwardedHeaders {

  static final List<String> HOP_BY_HOP =
      List.of(
          "connection",
          "keep-alive",
          "proxy-authenticate",
          "proxy-authorization",
          "proxy-connection",
          "te",
          "trailer",
          "transfer-encoding",
          "upgrade");

  private ForwardedHeaders() {}

  static void apply(MultiMap headers, HttpServerRequest incoming, URI upstream) {
    String host = HostRouting.host(incoming);
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

  static void stripHopByHop(MultiMap headers) {
    for (String connection : headers.getAll("connection")) {
      for (String named : connection.split(",")) {
        headers.remove(named.trim());
      }
    }
    HOP_BY_HOP.forEach(headers::remove);
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
