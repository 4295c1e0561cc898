package dev.paastis.internal.proxy;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import java.net.URI;
import java.util.Map;

/**
 * Header rules of DESIGN §4 for requests on their way to an upstream: X-Forwarded-For/-Proto/-Host
 * set (an incoming Proto or Host from a front load balancer is kept), Origin rewritten only when it
 * is the proxy's own origin, hop-by-hop headers stripped both ways (including those Connection
 * names).
 */
final class ForwardedHeaders {

  private ForwardedHeaders() {}

  /** {@code host} is the incoming request's Host (with its port), null when it had none. */
  static void apply(MultiMap headers, HttpServerRequest incoming, String host, URI upstream) {
    SocketAddress client = incoming.remoteAddress();
    apply(headers, client == null ? null : client.hostAddress(), incoming.scheme(), host, upstream);
  }

  /**
   * {@code clientAddress} is the client's IP address (null when unknown), {@code scheme} the scheme
   * it spoke to the proxy, {@code host} its Host header (with its port, null when absent).
   */
  static void apply(
      MultiMap headers, String clientAddress, String scheme, String host, URI upstream) {
    addForwardedFor(headers, clientAddress);
    if (!headers.contains("x-forwarded-proto")) {
      headers.set("x-forwarded-proto", scheme);
    }
    if (!headers.contains("x-forwarded-host") && host != null) {
      headers.set("x-forwarded-host", host);
    }
    String origin = headers.get("origin");
    if (origin != null && host != null && origin.equals(scheme + "://" + host)) {
      headers.set("origin", originOf(upstream));
    }
  }

  /**
   * Adds to {@code to} the end-to-end headers of {@code from}: hop-by-hop ones stay behind. Runs
   * twice per proxied request, so the Connection header is read once, not once per header.
   */
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
    return isAlwaysHopByHop(name) || (connection != null && namesHeader(connection, name));
  }

  /** RFC 9110 §7.6.1 and the proxy headers of RFC 9112, compared without regard to case. */
  static boolean isAlwaysHopByHop(String name) {
    return switch (name.length()) {
      case 2 -> name.equalsIgnoreCase("te");
      case 7 -> name.equalsIgnoreCase("trailer") || name.equalsIgnoreCase("upgrade");
      case 10 -> name.equalsIgnoreCase("connection") || name.equalsIgnoreCase("keep-alive");
      case 16 -> name.equalsIgnoreCase("proxy-connection");
      case 17 -> name.equalsIgnoreCase("transfer-encoding");
      case 18 -> name.equalsIgnoreCase("proxy-authenticate");
      case 19 -> name.equalsIgnoreCase("proxy-authorization");
      default -> false;
    };
  }

  /** Whether a Connection header value lists {@code name} among its comma-separated tokens. */
  static boolean namesHeader(String connection, String name) {
    int length = connection.length();
    int at = 0;
    while (at < length) {
      int comma = connection.indexOf(',', at);
      int end = comma < 0 ? length : comma;
      int from = at;
      int to = end;
      while (from < to && isOptionalWhitespace(connection.charAt(from))) {
        from++;
      }
      while (to > from && isOptionalWhitespace(connection.charAt(to - 1))) {
        to--;
      }
      if (to - from == name.length() && connection.regionMatches(true, from, name, 0, to - from)) {
        return true;
      }
      at = end + 1;
    }
    return false;
  }

  private static boolean isOptionalWhitespace(char c) {
    return c == ' ' || c == '\t';
  }

  static String originOf(URI upstream) {
    int port = upstream.getPort();
    return upstream.getScheme() + "://" + upstream.getHost() + (port < 0 ? "" : ":" + port);
  }

  private static void addForwardedFor(MultiMap headers, String client) {
    if (client == null) {
      return;
    }
    String previous = headers.get("x-forwarded-for");
    headers.set("x-forwarded-for", previous == null ? client : previous + ", " + client);
  }
}
