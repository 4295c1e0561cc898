package dev.paastis.cli;

import dev.paastis.config.ConfigException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Where the admin API of a running Paastis is and the token it wants: the flags of the commands
 * that talk to it, which win over the environment.
 */
final class AdminOptions {

  static final String DEFAULT_URL = "http://127.0.0.1:3001";
  static final String URL_VARIABLE = "PAASTIS_ADMIN_URL";
  static final String TOKEN_VARIABLE = "PAASTIS_ADMIN_TOKEN";
  static final String SERVER_TOKEN_VARIABLE = "ADMIN_API_TOKEN";

  private final Map<String, String> env;

  @Option(
      names = "--url",
      paramLabel = "URL",
      description =
          "Admin listener of the running Paastis ("
              + URL_VARIABLE
              + ", default "
              + DEFAULT_URL
              + ").")
  String url;

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      description =
          "Admin API token ("
              + TOKEN_VARIABLE
              + ", else "
              + SERVER_TOKEN_VARIABLE
              + "). Prefer the environment: a flag shows in the process list.")
  String token;

  /** Reads the process environment; the one picocli makes. */
  AdminOptions() {
    this(System.getenv());
  }

  AdminOptions(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  /** The token and the place it was read from, for messages: the value itself is never shown. */
  record Token(String value, String source) {

    @Override
    public String toString() {
      return "Token[from " + source + "]";
    }
  }

  /**
   * The base URL of the admin API, without a trailing slash.
   *
   * @throws ConfigException when it is not an http or https URL
   */
  URI baseUri() {
    String source = firstSet(url, "--url", URL_VARIABLE).orElse("default");
    String given = source.equals("default") ? DEFAULT_URL : valueOf(source, url);
    String expected = "an http(s) URL such as " + DEFAULT_URL;
    URI uri;
    try {
      uri = new URI(given.strip().replaceAll("/+$", ""));
    } catch (URISyntaxException e) {
      throw ConfigException.invalid(source, given, expected);
    }
    if (uri.getScheme() == null
        || !uri.getScheme().matches("(?i)https?")
        || uri.getHost() == null
        || uri.getQuery() != null
        || uri.getFragment() != null) {
      throw ConfigException.invalid(source, given, expected);
    }
    return uri;
  }

  /**
   * The token from {@code --token}, {@code PAASTIS_ADMIN_TOKEN} or {@code ADMIN_API_TOKEN}.
   *
   * @throws ConfigException when none of them is set
   */
  Token token() {
    return firstSet(token, "--token", TOKEN_VARIABLE, SERVER_TOKEN_VARIABLE)
        .map(source -> new Token(valueOf(source, token).strip(), source))
        .orElseThrow(
            () ->
                new ConfigException(
                    "no admin API token: pass --token or set "
                        + TOKEN_VARIABLE
                        + " (or "
                        + SERVER_TOKEN_VARIABLE
                        + ", the server's own variable)"));
  }

  /** A client for the API these options point at. */
  AdminClient client() {
    return new AdminClient(baseUri(), token());
  }

  /** The name of the first of the flag and then the variables that holds a value. */
  private Optional<String> firstSet(String flagValue, String flag, String... variables) {
    if (isSet(flagValue)) {
      return Optional.of(flag);
    }
    for (String variable : variables) {
      if (isSet(env.get(variable))) {
        return Optional.of(variable);
      }
    }
    return Optional.empty();
  }

  private String valueOf(String source, String flagValue) {
    return source.startsWith("--") ? flagValue : env.get(source);
  }

  private static boolean isSet(String value) {
    return value != null && !value.isBlank();
  }
}
