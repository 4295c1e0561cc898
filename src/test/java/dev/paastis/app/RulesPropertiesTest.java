package dev.paastis.app;

import static dev.paastis.testing.Generators.charsBetween;
import static dev.paastis.testing.Generators.optionals;
import static dev.paastis.testing.Generators.quoted;
import static dev.paastis.testing.Generators.stringsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * What {@link Rules#resolve} promises for any rule list and app key: it never throws, every
 * matching rule applies in order with later ones overriding field by field, a key no rule matches
 * keeps the defaults, and {@code $1}... come from the groups of the rule that sets the field.
 */
class RulesPropertiesTest {

  private static final Duration DEFAULT = Duration.ofMinutes(15);

  @Test
  void resolve_never_throws_whatever_the_rules_and_their_templates_hold() {
    qt().withExamples(1000)
        .forAll(anyRules(), key())
        .checkAssert(
            (rules, key) ->
                assertThatCode(() -> new Rules(rules, DEFAULT).resolve(key))
                    .doesNotThrowAnyException());
  }

  @Test
  void a_key_no_rule_finds_keeps_its_name_the_default_idle_time_and_no_link_provider_or_region() {
    // close to half the generated cases match no rule; 100 tries each find 1000 of them
    qt().withExamples(1000)
        .withGenerateAttempts(100)
        .forAll(literalRules(), key())
        .assuming((rules, key) -> rules.stream().noneMatch(rule -> finds(rule, key)))
        .checkAssert(
            (rules, key) ->
                assertThat(new Rules(rules, DEFAULT).resolve(key))
                    .isEqualTo(
                        new AppSettings(
                            key, key, DEFAULT, List.of(), Optional.empty(), Optional.empty())));
  }

  @Test
  void each_field_comes_from_the_last_matching_rule_that_sets_it_else_the_default() {
    // how many cases had 0, 1, 2 or more matching rules: both ends must be well covered
    int[] matchingRules = new int[3];

    qt().withExamples(1000)
        .forAll(literalRules(), key())
        .checkAssert(
            (rules, key) -> {
              List<Rule> matching = rules.stream().filter(rule -> finds(rule, key)).toList();
              matchingRules[Math.min(matching.size(), 2)]++;

              AppSettings settings = new Rules(rules, DEFAULT).resolve(key);

              assertThat(settings.key()).isEqualTo(key);
              assertThat(settings.appName())
                  .isEqualTo(last(matching.stream().map(Rule::appName).toList()).orElse(key));
              assertThat(settings.maxIdleTime())
                  .isEqualTo(
                      last(matching.stream().map(Rule::maxIdleTime).toList()).orElse(DEFAULT));
              assertThat(settings.linkedApps())
                  .isEqualTo(
                      last(matching.stream().map(Rule::linkedApps).toList()).orElse(List.of()));
              assertThat(settings.provider())
                  .isEqualTo(last(matching.stream().map(Rule::provider).toList()));
              assertThat(settings.region())
                  .isEqualTo(last(matching.stream().map(Rule::region).toList()));
            });

    int cases = matchingRules[0] + matchingRules[1] + matchingRules[2];
    assertThat(matchingRules[0]).as("cases no rule matches").isGreaterThan(cases / 20);
    assertThat(matchingRules[2]).as("cases two rules or more match").isGreaterThan(cases / 20);
  }

  @Test
  void dollar_1_in_every_string_field_is_a_group_of_the_rule_that_sets_the_field() {
    qt().withExamples(1000)
        .forAll(segments(), templates())
        .checkAssert(
            (segments, templates) -> {
              // ^([a-z]+)-(\d+)-...$ against a key made of these segments: group i is segment i
              String regex =
                  segments.stream()
                      .map(segment -> Character.isDigit(segment.charAt(0)) ? "(\\d+)" : "([a-z]+)")
                      .collect(Collectors.joining("-", "^", "$"));
              String key = String.join("-", segments);
              // an earlier rule with other groups: ^(.)(.*)$; the later rule's groups must win
              Rule earlier =
                  Rule.matching("^(.)(.*)$")
                      .withAppName(text(templates.earlierRegion()))
                      .withRegion(text(templates.earlierRegion()))
                      .withProvider(text(templates.earlierRegion()));
              Rule rule =
                  Rule.matching(regex)
                      .withAppName(text(templates.appName()))
                      .withLinkedApps(
                          List.of(text(templates.linkedApp()), text(templates.appName())))
                      .withRegion(text(templates.region()));

              AppSettings settings = new Rules(List.of(earlier, rule), DEFAULT).resolve(key);

              assertThat(settings.appName())
                  .isEqualTo(expected(templates.appName(), segments, key));
              assertThat(settings.linkedApps())
                  .containsExactly(
                      expected(templates.linkedApp(), segments, key),
                      expected(templates.appName(), segments, key));
              assertThat(settings.region()).contains(expected(templates.region(), segments, key));
              // the earlier rule alone set the provider: its own groups, first letter and rest
              List<String> earlierGroups = List.of(key.substring(0, 1), key.substring(1));
              assertThat(settings.provider())
                  .contains(expected(templates.earlierRegion(), earlierGroups, key));
            });
  }

  private static boolean finds(Rule rule, String key) {
    return rule.pattern().matcher(key).find();
  }

  private static <T> Optional<T> last(List<Optional<T>> values) {
    Optional<T> last = Optional.empty();
    for (Optional<T> value : values) {
      if (value.isPresent()) {
        last = value;
      }
    }
    return last;
  }

  /** A piece of a template: literal text, or a reference to group {@code group}. */
  record Token(String literal, int group) {

    static Token text(String literal) {
      return new Token(literal, -1);
    }

    static Token ref(int group) {
      return new Token(null, group);
    }

    String written() {
      return literal != null ? literal : "$" + group;
    }
  }

  /** The templates of the string fields of the two rules of the $1 property. */
  record Templates(
      List<Token> appName, List<Token> linkedApp, List<Token> region, List<Token> earlierRegion) {

    @Override
    public String toString() {
      return "appName="
          + quoted(text(appName))
          + ", linkedApp="
          + quoted(text(linkedApp))
          + ", region="
          + quoted(text(region))
          + ", earlierRegion="
          + quoted(text(earlierRegion));
    }
  }

  private static String text(List<Token> template) {
    return template.stream().map(Token::written).collect(Collectors.joining());
  }

  /** A reference past the last group stays as written; $0 is the whole match. */
  private static String expected(List<Token> template, List<String> groups, String whole) {
    StringBuilder out = new StringBuilder();
    for (Token token : template) {
      if (token.literal() != null) {
        out.append(token.literal());
      } else if (token.group() == 0) {
        out.append(whole);
      } else if (token.group() <= groups.size()) {
        out.append(groups.get(token.group() - 1));
      } else {
        out.append(token.written());
      }
    }
    return out.toString();
  }

  private static Gen<String> key() {
    return stringsOf("ab1-", 1, 8);
  }

  /** ^? atom{1,4} $? where an atom is a literal, a class, a group, with an optional quantifier. */
  private static Gen<String> regex() {
    Gen<String> simple =
        arbitrary().pick("a", "b", "1", "-", "ab", ".", "[ab]", "\\d", "[^a]", "\\w", "x", "a|b");
    Gen<String> atom =
        Generate.oneOf(
            simple, simple.map(inner -> "(" + inner + ")"), simple.map(i -> "(?:" + i + ")"));
    Gen<String> quantified =
        atom.zip(arbitrary().pick("", "", "?", "*", "+", "{1,2}"), (a, q) -> a + q);
    return arbitrary()
        .pick("", "^")
        .zip(
            lists().of(quantified).ofSizeBetween(1, 4),
            arbitrary().pick("", "$"),
            (start, atoms, end) -> start + String.join("", atoms) + end)
        .assuming(RulesPropertiesTest::compiles);
  }

  private static boolean compiles(String regex) {
    try {
      Pattern.compile(regex);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Rules whose string fields hold no $: the value a rule sets is the value written. */
  private static Gen<List<Rule>> literalRules() {
    return lists().of(rules(stringsOf("xyz-", 1, 5))).ofSizeBetween(0, 5);
  }

  /** Rules whose string fields hold anything, $ and digits included. */
  private static Gen<List<Rule>> anyRules() {
    Gen<String> template =
        Generate.oneOf(
            strings().basicMultilingualPlaneAlphabet().ofLengthBetween(0, 12),
            stringsOf("$0123456789a", 0, 25),
            longs().all().map(n -> "$" + n),
            stringsOf(charsBetween('0', '9'), 10, 40).map(n -> "x$" + n),
            arbitrary().pick("$", "$$", "$-1", "$1$", "\u0661", "$\u0661", "$\uff11", "$0"));
    return lists().of(rules(template)).ofSizeBetween(0, 5);
  }

  private static Gen<Rule> rules(Gen<String> text) {
    Gen<Rule> withoutRegion =
        regex()
            .zip(
                optionals(text),
                optionals(longs().between(1, 10_000).map(Duration::ofMinutes)),
                optionals(lists().of(text).ofSizeBetween(0, 3)),
                optionals(text),
                (regex, appName, idle, linked, provider) -> {
                  Rule rule = Rule.matching(regex);
                  rule = appName.map(rule::withAppName).orElse(rule);
                  rule = idle.map(rule::withMaxIdleTime).orElse(rule);
                  rule = linked.map(rule::withLinkedApps).orElse(rule);
                  return provider.map(rule::withProvider).orElse(rule);
                });
    return withoutRegion.zip(
        optionals(text), (rule, region) -> region.map(rule::withRegion).orElse(rule));
  }

  /** 1 to 5 dash-separated segments, each letters or digits. */
  private static Gen<List<String>> segments() {
    return lists()
        .of(
            Generate.oneOf(
                stringsOf(charsBetween('a', 'z'), 1, 6), stringsOf(charsBetween('0', '9'), 1, 6)))
        .ofSizeBetween(1, 5);
  }

  private static Gen<Templates> templates() {
    return template().zip(template(), template(), template(), Templates::new);
  }

  /**
   * Literal pieces and references to groups 0 to 7 (some past the last group). A literal never
   * starts with a digit, so that a reference followed by it stays the same reference.
   */
  private static Gen<List<Token>> template() {
    Gen<Token> literal =
        Generate.oneOf(stringsOf("abc-_./", 1, 4), arbitrary().pick("$", "$x", "$$", "$-"))
            .map(Token::text);
    Gen<Token> reference = integers().between(0, 7).map(Token::ref);
    return lists().of(Generate.oneOf(literal, reference)).ofSizeBetween(0, 6);
  }
}
