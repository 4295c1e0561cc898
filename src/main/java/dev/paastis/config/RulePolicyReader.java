package dev.paastis.config;

import static java.time.temporal.ChronoUnit.MINUTES;
import static java.time.temporal.ChronoUnit.SECONDS;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paastis.app.RulePolicy;
import dev.paastis.policy.CronSchedule;
import dev.paastis.policy.PathGlob;
import dev.paastis.policy.UserAgentFilter;
import dev.paastis.policy.Window;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads the sleep-policy fields of one rule of {@code paastis.yml}: every mistake stops Paastis at
 * startup with a message naming the rule, the field and what is accepted.
 */
final class RulePolicyReader {

  static final List<String> FIELDS =
      List.of(
          "timezone",
          "keep_awake",
          "keep_asleep",
          "wake_ignored_user_agents",
          "wake_ignored_paths",
          "busy_probe",
          "busy_retry",
          "busy_probe_timeout",
          "prewarm",
          "prewarm_lead",
          "cost_per_hour");

  private static final List<String> WINDOW_FIELDS = List.of("from", "to");

  private RulePolicyReader() {}

  static RulePolicy read(YamlMapping yml) {
    return new RulePolicy(
        yml.text("timezone").map(zone -> zone(zone, text -> yml.invalid("timezone", text, ZONES))),
        windows(yml, "keep_awake"),
        windows(yml, "keep_asleep"),
        userAgents(yml),
        paths(yml),
        busyProbe(yml),
        positive(yml, "busy_retry", MINUTES),
        positive(yml, "busy_probe_timeout", SECONDS),
        prewarm(yml),
        positive(yml, "prewarm_lead", MINUTES),
        costPerHour(yml));
  }

  static final String ZONES = "an IANA time zone such as Europe/Paris, America/New_York or UTC";

  /** Parses an IANA zone name; {@code invalid} makes the error naming where it was read. */
  static ZoneId zone(String text, Function<String, ConfigException> invalid) {
    try {
      return ZoneId.of(text);
    } catch (DateTimeException e) {
      throw invalid.apply(text);
    }
  }

  private static Optional<List<Window>> windows(YamlMapping yml, String field) {
    if (yml.field(field).isEmpty()) {
      return Optional.empty();
    }
    List<JsonNode> items = yml.list(field);
    List<Window> windows = new ArrayList<>();
    for (int index = 0; index < items.size(); index++) {
      YamlMapping window =
          YamlMapping.of(yml.file(), yml.child(field, index), items.get(index), WINDOW_FIELDS);
      windows.add(new Window(cron(window, "from"), cron(window, "to")));
    }
    return Optional.of(windows);
  }

  private static CronSchedule cron(YamlMapping window, String field) {
    String expression = window.required(field);
    CronSchedule cron;
    try {
      cron = CronSchedule.parse(expression);
    } catch (IllegalArgumentException e) {
      throw window.fieldError(
          field,
          expression,
          "is not a valid cron expression: " + Variables.oneLine(String.valueOf(e.getMessage())));
    }
    if (cron.nextAfter(ZonedDateTime.now(ZoneOffset.UTC)).isEmpty()) {
      // such as 0 0 30 2 *: a window that never opens or never closes is a mistake
      throw window.fieldError(field, expression, "never fires (no such date)");
    }
    return cron;
  }

  /** A regular expression; an empty one (or {@code ''}) lets every user agent wake the app. */
  private static Optional<UserAgentFilter> userAgents(YamlMapping yml) {
    Optional<JsonNode> value = yml.field("wake_ignored_user_agents");
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (!value.get().isValueNode()) {
      throw yml.notValid("wake_ignored_user_agents", "a regular expression, or '' for none");
    }
    String regex = value.get().asText().trim();
    if (regex.isEmpty()) {
      return Optional.of(UserAgentFilter.NONE);
    }
    try {
      return Optional.of(new UserAgentFilter(Optional.of(Pattern.compile(regex))));
    } catch (PatternSyntaxException e) {
      throw yml.fieldError(
          "wake_ignored_user_agents",
          regex,
          "is not a valid regular expression: " + e.getDescription());
    }
  }

  /** A YAML list of globs, or one comma-separated string; empty (or {@code ''}) for none. */
  private static Optional<List<PathGlob>> paths(YamlMapping yml) {
    Optional<JsonNode> value = yml.field("wake_ignored_paths");
    if (value.isEmpty()) {
      return Optional.empty();
    }
    List<String> globs = new ArrayList<>();
    if (value.get().isArray()) {
      for (JsonNode item : value.get()) {
        if (!item.isValueNode()) {
          throw yml.notValid(
              "wake_ignored_paths", "a list of path globs or a comma-separated string");
        }
        globs.add(item.asText());
      }
    } else if (value.get().isValueNode()) {
      globs.addAll(Arrays.asList(value.get().asText().split(",")));
    } else {
      throw yml.notValid("wake_ignored_paths", "a list of path globs or a comma-separated string");
    }
    List<PathGlob> compiled = new ArrayList<>();
    for (String glob : globs) {
      String trimmed = glob.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      try {
        compiled.add(PathGlob.compile(trimmed));
      } catch (IllegalArgumentException e) {
        throw yml.fieldError("wake_ignored_paths", trimmed, "is not valid: " + e.getMessage());
      }
    }
    return Optional.of(compiled);
  }

  private static Optional<String> busyProbe(YamlMapping yml) {
    return yml.text("busy_probe")
        .map(
            path -> {
              if (!path.startsWith("/") || path.chars().anyMatch(c -> c <= ' ' || c == 127)) {
                throw yml.invalid(
                    "busy_probe",
                    path,
                    "a path on the app starting with /, such as /internal/busy");
              }
              return path;
            });
  }

  private static Optional<Duration> positive(YamlMapping yml, String field, ChronoUnit bareUnit) {
    return yml.text(field)
        .map(
            text ->
                Durations.tryParse(text, bareUnit)
                    .filter(duration -> !duration.isZero())
                    .orElseThrow(
                        () -> yml.invalid(field, text, Durations.acceptedPositive(bareUnit))));
  }

  private static Optional<Boolean> prewarm(YamlMapping yml) {
    return yml.text("prewarm")
        .map(
            text ->
                switch (text.toLowerCase(java.util.Locale.ROOT)) {
                  case "true" -> true;
                  case "false" -> false;
                  default -> throw yml.invalid("prewarm", text, "true or false");
                });
  }

  private static Optional<BigDecimal> costPerHour(YamlMapping yml) {
    return yml.text("cost_per_hour")
        .map(
            text -> {
              try {
                BigDecimal cost = new BigDecimal(text);
                if (cost.signum() >= 0) {
                  return cost;
                }
              } catch (NumberFormatException e) {
                // refused below
              }
              throw yml.invalid(
                  "cost_per_hour",
                  text,
                  "the app's cost per hour awake, a number of 0 or more such as 0.05");
            });
  }
}
