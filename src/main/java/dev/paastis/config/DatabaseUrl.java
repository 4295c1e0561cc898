package dev.paastis.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Checks DATABASE_URL (or POSTGRESQL_ADDON_URI, read in its place) when the configuration is read,
 * so that a typo stops Paastis at once with a line naming the variable. Messages never show the
 * password.
 */
final class DatabaseUrl {

  static final String ACCEPTED =
      "postgres://user:password@host:port/database (or postgresql://, optionally with"
          + " ?sslmode=require), or jdbc:postgresql://host:port/database";

  private DatabaseUrl() {}

  /**
   * @param name the variable that holds the URL
   */
  static void check(String name, Secret url) {
    String reason = problem(url.value().trim());
    if (reason != null) {
      throw new ConfigException(
          name + " is not a PostgreSQL URL (" + reason + "): expected " + ACCEPTED);
    }
  }

  private static String problem(String value) {
    String plain = value.startsWith("jdbc:") ? value.substring("jdbc:".length()) : value;
    URI uri;
    try {
      uri = new URI(plain);
    } catch (URISyntaxException e) {
      return "not a URL";
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("postgres") && !scheme.equals("postgresql")) {
      return scheme.isEmpty() ? "no scheme" : "scheme " + scheme;
    }
    if (uri.getHost() == null) {
      return "no host";
    }
    String path = uri.getPath() == null ? "" : uri.getPath();
    if (path.length() <= 1) {
      return "no database name";
    }
    return null;
  }
}
