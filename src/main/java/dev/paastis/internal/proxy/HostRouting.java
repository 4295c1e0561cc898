package dev.paastis.internal.proxy;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import java.util.Locale;
import java.util.Optional;

/** Maps a Host header to an app key: its first DNS label, lower case, port dropped. */
final class HostRouting {

  private HostRouting() {}

  /** The Host of a request ({@code :authority} in HTTP/2), with its port; null when absent. */
  static String host(HttpServerRequest request) {
    HostAndPort authority = request.authority();
    return authority == null ? null : authority.toString();
  }

  static Optional<String> appKey(String host) {
    if (host == null || host.isBlank()) {
      return Optional.empty();
    }
    String name = host.trim();
    if (name.startsWith("[")) {
      return Optional.empty(); // an IPv6 literal names no app
    }
    int colon = name.indexOf(':');
    if (colon >= 0) {
      name = name.substring(0, colon);
    }
    int dot = name.indexOf('.');
    String label = dot >= 0 ? name.substring(0, dot) : name;
    if (label.isEmpty() || holdsBlankOrControl(label)) {
      return Optional.empty(); // no DNS label holds a space or a control character
    }
    return Optional.of(label.toLowerCase(Locale.ROOT));
  }

  /** A loop rather than a stream: this runs for every request. */
  private static boolean holdsBlankOrControl(String label) {
    for (int i = 0; i < label.length(); ) {
      int codePoint = label.codePointAt(i);
      if (isBlankOrControl(codePoint)) {
        return true;
      }
      i += Character.charCount(codePoint);
    }
    return false;
  }

  private static boolean isBlankOrControl(int codePoint) {
    return Character.isWhitespace(codePoint)
        || Character.isSpaceChar(codePoint)
        || Character.isISOControl(codePoint);
  }
}
