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
  private final SleepPolicy.Defaults policyDefaults;

  /** The policy of every app no rule gives a policy field: built once, not per request. */
  private final SleepPolicy defaultPolicy;

  /** With the default sleep policy: UTC, no request ignored. */
  public Rules(List<Rule> rules, Duration defaultMaxIdleTime) {
    this(rules, defaultMaxIdleTime, SleepPolicy.Defaults.NONE);
  }

  public Rules(List<Rule> rules, Duration defaultMaxIdleTime, SleepPolicy.Defaults policyDefaults) {
    this.rules = List.copyOf(rules);
    this.defaultMaxIdleTime = defaultMaxIdleTime;
    this.policyDefaults = policyDefaults;
    this.defaultPolicy = SleepPolicy.of(policyDefaults);
  }

  public SleepPolicy.Defaults policyDefaults() {
    return policyDefaults;
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
    RulePolicy policy = RulePolicy.NONE;
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
      if (!rule.policy().isEmpty()) {
        policy = policy.then(rule.policy());
      }
    }
    return new AppSettings(
        key,
        appName,
        maxIdleTime,
        linkedApps,
        provider,
        region,
        policy == RulePolicy.NONE ? defaultPolicy : SleepPolicy.resolve(policy, policyDefaults));
  }

  /**
   * What the rules give a provider app addressed by its own name (by an operator, or by the
   * scheduler): the rules' settings when they route that name to that app; else the app itself,
   * with the rules' idle time and sleep policy but none of the rename, links, provider or region
   * meant for a host of that name.
   */
  public AppSettings forProviderApp(String name) {
    AppSettings byRules = resolve(name);
    return byRules.appName().equals(name)
        ? byRules
        : new AppSettings(
            name,
            name,
            byRules.maxIdleTime(),
            List.of(),
            Optional.empty(),
            Optional.empty(),
            byRules.policy());
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
