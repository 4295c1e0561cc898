package dev.paastis.config;

import static java.time.temporal.ChronoUnit.MINUTES;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paastis.app.Rule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

/** Reads {@code rules:} of {@code paastis.yml} into {@link Rule}s, in file order. */
final class RuleReader {

  private static final List<String> FIELDS =
      Stream.concat(
              Stream.of(
                  "pattern", "app_name", "app_max_idle_time", "linked_apps", "provider", "region"),
              RulePolicyReader.FIELDS.stream())
          .toList();

  private RuleReader() {}

  /**
   * @param providers the accepted values of a rule's {@code provider}, as of PROVIDER_NAME
   */
  static List<Rule> read(YamlMapping top, List<String> providers) {
    List<JsonNode> items = top.list("rules");
    List<Rule> rules = new ArrayList<>();
    for (int index = 0; index < items.size(); index++) {
      String place = top.child("rules", index);
      rules.add(rule(YamlMapping.of(top.file(), place, items.get(index), FIELDS), providers));
    }
    return List.copyOf(rules);
  }

  private static Rule rule(YamlMapping yml, List<String> providers) {
    Rule rule = pattern(yml);
    rule = with(rule, yml.text("app_name"), Rule::withAppName);
    rule = with(rule, maxIdleTime(yml), Rule::withMaxIdleTime);
    rule = with(rule, linkedApps(yml), Rule::withLinkedApps);
    rule = with(rule, provider(yml, providers), Rule::withProvider);
    rule = with(rule, yml.text("region"), Rule::withRegion);
    return rule.withPolicy(RulePolicyReader.read(yml));
  }

  private static <T> Rule with(Rule rule, Optional<T> value, BiFunction<Rule, T, Rule> setter) {
    return value.map(present -> setter.apply(rule, present)).orElse(rule);
  }

  private static Rule pattern(YamlMapping yml) {
    String pattern = yml.required("pattern");
    try {
      return Rule.matching(pattern);
    } catch (PatternSyntaxException e) {
      throw yml.fieldError(
          "pattern", pattern, "is not a valid regular expression: " + e.getDescription());
    }
  }

  /** A bare number is minutes, as in the original; YAML may give it as an int. */
  private static Optional<Duration> maxIdleTime(YamlMapping yml) {
    return yml.text("app_max_idle_time")
        .map(
            text ->
                Durations.tryParse(text, MINUTES)
                    .filter(duration -> !duration.isZero())
                    .orElseThrow(
                        () ->
                            yml.invalid(
                                "app_max_idle_time", text, Durations.acceptedPositive(MINUTES))));
  }

  /** A YAML list of names, or one comma-separated string. */
  private static Optional<List<String>> linkedApps(YamlMapping yml) {
    Optional<JsonNode> value = yml.field("linked_apps");
    if (value.isEmpty()) {
      return Optional.empty();
    }
    Stream<String> names =
        value.get().isArray()
            ? yml.list("linked_apps").stream().map(item -> linkedApp(yml, item))
            : Arrays.stream(yml.text("linked_apps").orElse("").split(","));
    return Optional.of(names.map(String::trim).filter(name -> !name.isEmpty()).toList());
  }

  private static String linkedApp(YamlMapping yml, JsonNode item) {
    if (!item.isValueNode()) {
      throw yml.notValid("linked_apps", "a list of app names or a comma-separated string");
    }
    return item.isNull() ? "" : item.asText();
  }

  private static Optional<String> provider(YamlMapping yml, List<String> providers) {
    return yml.text("provider")
        .map(
            name ->
                providers.stream()
                    .filter(name::equalsIgnoreCase)
                    .findFirst()
                    .orElseThrow(() -> yml.invalid("provider", name, Variables.oneOf(providers))));
  }
}
