package dev.paastis.app;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Applies the rules of {@code paastis.yml} to an app key: every matching rule applies in file
 * order, later ones overriding earlier ones, as in the original Paastis.
 */
public final class Rules {

  private final List<Rule> rules;
  private final Duration defaultMaxIdleTime;

  public Rules(List<Rule> rules, Duration defaultMaxIdleTime) {
    this.rules = List.copyOf(rules);
    this.defaultMaxIdleTime = defaultMaxIdleTime;
  }

  public List<Rule> rules() {
    return rules;
  }

  public AppSettings resolve(String key) {
    String appName = key;
    Duration maxIdleTime = defaultMaxIdleTime;
    List<String> linkedApps = List.of();
    Optional<String> provider = Optional.empty();
    Optional<String> region = Optional.empty();
    for (Rule rule : rules) {
      Matcher match = rule.pattern().matcher(key);
      if (!match.find()) {
        continue;
      }
      appName = rule.appName().map(name -> interpolate(name, match)).orElse(appName);
      maxIdleTime = rule.maxIdleTime().orElse(maxIdleTime);
      linkedApps =
          rule.linkedApps()
              .map(apps -> apps.stream().map(app -> interpolate(app, match)).toList())
              .orElse(linkedApps);
      provider = override(provider, rule.provider(), match);
      region = override(region, rule.region(), match);
    }
    return new AppSettings(key, appName, maxIdleTime, linkedApps, provider, region);
  }

  private static Optional<String> override(
      Optional<String> current, Optional<String> template, Matcher match) {
    return template.isPresent() ? Optional.of(interpolate(template.get(), match)) : current;
  }

  /** Replaces {@code $1}..{@code $n} by the groups of the match; other {@code $} stay as is. */
  static String interpolate(String template, Matcher match) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      int end = i + 1;
      while (end < template.length() && Character.isDigit(template.charAt(end))) {
        end++;
      }
      if (c == '$' && end > i + 1) {
        // read the number only while it may still name a group: $99999999999 must not overflow
        int group = 0;
        for (int digit = i + 1; digit < end && group <= match.groupCount(); digit++) {
          group = group * 10 + Character.digit(template.charAt(digit), 10);
        }
        if (group <= match.groupCount()) {
          String value = match.group(group);
          out.append(value == null ? "" : value);
          i = end - 1;
          continue;
        }
      }
      out.append(c);
    }
    return out.toString();
  }
}
