package dev.paastis.app;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One entry of {@code rules:} in {@code paastis.yml}. The pattern is searched in the app key
 * ({@code find}, not a whole match); every optional field left empty keeps what earlier rules or
 * defaults set. String fields may hold {@code $1}... filled from the pattern's groups.
 */
public record Rule(
    Pattern pattern,
    Optional<String> appName,
    Optional<Duration> maxIdleTime,
    Optional<List<String>> linkedApps,
    Optional<String> provider,
    Optional<String> region,
    RulePolicy policy) {

  public Rule {
    Objects.requireNonNull(pattern, "pattern");
    Objects.requireNonNull(appName, "appName");
    Objects.requireNonNull(maxIdleTime, "maxIdleTime");
    linkedApps = linkedApps.map(List::copyOf);
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(policy, "policy");
  }

  public static Rule matching(String regex) {
    return new Rule(
        Pattern.compile(regex),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        RulePolicy.NONE);
  }

  public Rule withAppName(String value) {
    return new Rule(pattern, Optional.of(value), maxIdleTime, linkedApps, provider, region, policy);
  }

  public Rule withMaxIdleTime(Duration value) {
    return new Rule(pattern, appName, Optional.of(value), linkedApps, provider, region, policy);
  }

  public Rule withLinkedApps(List<String> value) {
    return new Rule(pattern, appName, maxIdleTime, Optional.of(value), provider, region, policy);
  }

  public Rule withProvider(String value) {
    return new Rule(pattern, appName, maxIdleTime, linkedApps, Optional.of(value), region, policy);
  }

  public Rule withRegion(String value) {
    return new Rule(
        pattern, appName, maxIdleTime, linkedApps, provider, Optional.of(value), policy);
  }

  public Rule withPolicy(RulePolicy value) {
    return new Rule(pattern, appName, maxIdleTime, linkedApps, provider, region, value);
  }
}
