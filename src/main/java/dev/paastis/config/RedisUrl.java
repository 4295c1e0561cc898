package dev.paastis.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Checks a Redis URL when the configuration is read, so that a typo stops Paastis at once with a
 * line naming the variable, instead of endless reconnection attempts. Messages never show the
 * password.
 */
final class RedisUrl {

  static final String ACCEPTED = "redis://[user:password@]host:port[/db], or rediss:// for TLS";

  private RedisUrl() {}

  static void check(String name, Secret url) {
    String reason = problem(url.value());
    if (reason != null) {
      throw new ConfigException(
          name + " is not a Redis URL (" + reason + "): expected " + ACCEPTED);
    }
  }

  /** Why the URL cannot be used, or null when it can. */
  private static String problem(String value) {
    URI uri;
    try {
      uri = new URI(value.trim());
    } catch (URISyntaxException e) {
      return "not a URL";
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("redis") && !scheme.equals("rediss")) {
      return scheme.isEmpty() ? "no scheme" : "scheme " + scheme;
    }
    if (uri.getHost() == null) {
      return "no host";
    }
    String path = uri.getPath() == null ? "" : uri.getPath();
    if (!path.isEmpty() && !path.equals("/") && !path.substring(1).matches("\\d{1,5}")) {
      return "database must be a number";
    }
    return null;
  }
}
