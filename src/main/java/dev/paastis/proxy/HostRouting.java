package dev.paastis.proxy;

import java.util.Locale;
import java.util.Optional;

/** Maps a Host header to an app key: its first DNS label, lower case, port dropped. */
final class HostRouting {

  private HostRouting() {}

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
    return label.isEmpty() ? Optional.empty() : Optional.of(label.toLowerCase(Locale.ROOT));
  }
}
