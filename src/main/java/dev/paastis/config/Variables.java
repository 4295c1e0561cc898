package dev.paastis.config;

import dev.paastis.policy.CronSchedule;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The merged configuration variables with typed, validating accessors. A blank value counts as
 * unset, as {@code process.env.X || default} did in the original. Every bad value throws a one-line
 * {@link ConfigException} naming the variable, the value and what is accepted.
 */
public final class Variables {

  private final Map<String, String> values;

  public Variables(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  /** The trimmed value, empty when unset or blank. */
  public Optional<String> get(String name) {
    String value = values.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  public String get(String name, String fallback) {
    return get(name).orElse(fallback);
  }

  public boolean isSet(String name) {
    return get(name).isPresent();
  }

  /** The first of {@code names} that is set, for variables with a legacy alias. */
  Optional<String> firstSet(String... names) {
    return Arrays.stream(names).filter(this::isSet).findFirst();
  }

  public Optional<Secret> secret(String... names) {
    return firstSet(names).flatMap(this::get).map(Secret::new);
  }

  int port(String name, int fallback) {
    return integer(name, fallback, 0, 65535, "a port number from 0 to 65535");
  }

  public int positiveInteger(String name, int fallback) {
    return integer(name, fallback, 1, Integer.MAX_VALUE, "a whole number greater than 0");
  }

  public boolean bool(String name, boolean fallback) {
    return get(name).map(value -> parseBoolean(name, value)).orElse(fallback);
  }

  /** One of {@code accepted}, case-insensitive, returned as written in {@code accepted}. */
  public String choice(String name, String fallback, List<String> accepted) {
    String value = get(name, fallback);
    return accepted.stream()
        .filter(value::equalsIgnoreCase)
        .findFirst()
        .orElseThrow(() -> invalid(name, value, oneOf(accepted)));
  }

  <E extends Enum<E>> E choice(String name, E fallback) {
    List<String> accepted =
        Arrays.stream(fallback.getDeclaringClass().getEnumConstants())
            .map(constant -> constant.name().toLowerCase(Locale.ROOT))
            .toList();
    String chosen = choice(name, fallback.name().toLowerCase(Locale.ROOT), accepted);
    return Enum.valueOf(fallback.getDeclaringClass(), chosen.toUpperCase(Locale.ROOT));
  }

  /** A duration, zero included. */
  Duration duration(String name, String fallback, ChronoUnit bareUnit) {
    return Durations.parse(name, get(name, fallback), bareUnit);
  }

  public Duration positiveDuration(String name, String fallback, ChronoUnit bareUnit) {
    return Durations.parsePositive(name, get(name, fallback), bareUnit);
  }

  /**
   * An absolute http(s) URL; a trailing slash is dropped so that paths can be appended. A {@code
   * {region}} placeholder is accepted (checked as if it were a region name).
   */
  public URI url(String name, String fallback) {
    String value = get(name, fallback);
    String checked = value.replace("{region}", "region");
    try {
      URI uri =
          new URI(checked.endsWith("/") ? checked.substring(0, checked.length() - 1) : checked);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException notAUri) {
      // reported below with the other unusable values
    }
    throw invalid(name, value, "an http:// or https:// URL such as " + fallback);
  }

  /** A URL that may hold {@code {region}}, checked, returned as written without a trailing /. */
  public String urlTemplate(String name, String fallback) {
    url(name, fallback);
    String value = get(name, fallback);
    return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
  }

  /** A comma list, trimmed, without empty entries. */
  public List<String> list(String name) {
    return Arrays.stream(get(name, "").split(","))
        .map(String::trim)
        .filter(entry -> !entry.isEmpty())
        .toList();
  }

  CronSchedule cron(String name, String fallback) {
    String value = get(name, fallback);
    try {
      return CronSchedule.parse(value);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          name + "=" + oneLine(value) + " is not valid: " + oneLine(e.getMessage()));
    }
  }

  /** "a, b or c" */
  static String oneOf(List<String> accepted) {
    int last = accepted.size() - 1;
    if (last == 0) {
      return accepted.get(0);
    }
    return String.join(", ", accepted.subList(0, last)) + " or " + accepted.get(last);
  }

  /** A value as shown in a message: line breaks escaped, so the message stays one line. */
  static String oneLine(String value) {
    return value.replace("\r", "\\r").replace("\n", "\\n");
  }

  static ConfigException invalid(String name, String value, String accepted) {
    return ConfigException.invalid(name, oneLine(value), accepted);
  }

  private int integer(String name, int fallback, int min, int max, String accepted) {
    Optional<String> value = get(name);
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      int number = Integer.parseInt(value.get());
      if (number >= min && number <= max) {
        return number;
      }
    } catch (NumberFormatException notANumber) {
      // reported below, with the other out-of-range values
    }
    throw invalid(name, value.get(), accepted);
  }

  private static boolean parseBoolean(String name, String value) {
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    if (value.equalsIgnoreCase("false")) {
      return false;
    }
    throw invalid(name, value, "true or false");
  }
}
