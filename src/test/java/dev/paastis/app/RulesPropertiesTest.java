package dev.paastis.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * What {@link Rules#resolve} promises for any rule list and app key: it never throws, every
 * matching rule applies in order with later ones overriding field by field, a key no rule matches
 * keeps the defaults, and {@code $1}... come from the groups of the rule that sets the field.
 */
class RulesPropertiesTest {

  private static final Duration DEFAULT = Duration.ofMinutes(15);

  @Property(tries = 1000)
  @Label("resolve never throws, whatever the rules and their templates hold")
  void resolve_never_throws(@ForAll("anyRules") Case given) {
    assertThatCode(() -> new Rules(given.rules(), DEFAULT).resolve(given.key()))
        .doesNotThrowAnyException();
  }

  @Property(tries = 1000)
  @Label("a key no rule finds keeps its name, the default idle time and no link, provider, region")
  void a_key_no_rule_matches_keeps_the_defaults(@ForAll("literalRules") Case given) {
    List<Rule> rules = given.rules();
    String key = given.key();
    Assume.that(rules.stream().noneMatch(rule -> rule.pattern().matcher(key).find()));

    AppSettings settings = new Rules(rules, DEFAULT).resolve(key);

    assertThat(settings)
        .isEqualTo(
            new AppSettings(key, key, DEFAULT, List.of(), Optional.empty(), Optional.empty()));
  }

  @Property(tries = 1000)
  @Label("each field comes from the last matching rule that sets it, else the default")
  void later_matching_rules_override_earlier_ones_field_by_field(
      @ForAll("literalRules") Case given) {
    List<Rule> rules = given.rules();
    String key = given.key();
    List<Rule> matching =
        rules.stream().filter(rule -> rule.pattern().matcher(key).find()).toList();
    Statistics.collect(Math.min(matching.size(), 2));
    Statistics.coverage(
        coverage -> {
          coverage.check(0).percentage(percent -> percent > 5);
          coverage.check(2).percentage(percent -> percent > 5);
        });

    AppSettings settings = new Rules(rules, DEFAULT).resolve(key);

    assertThat(settings.key()).isEqualTo(key);
    assertThat(settings.appName())
        .isEqualTo(last(matching.stream().map(Rule::appName).toList()).orElse(key));
    assertThat(settings.maxIdleTime())
        .isEqualTo(last(matching.stream().map(Rule::maxIdleTime).toList()).orElse(DEFAULT));
    assertThat(settings.linkedApps())
        .isEqualTo(last(matching.stream().map(Rule::linkedApps).toList()).orElse(List.of()));
    assertThat(settings.provider()).isEqualTo(last(matching.stream().map(Rule::provider).toList()));
    assertThat(settings.region()).isEqualTo(last(matching.stream().map(Rule::region).toList()));
  }

  @Property(tries = 1000)
  @Label("$1... in every string field are the groups of the rule that sets the field")
  void templates_take_the_groups_of_their_own_rule(
      @ForAll("segments") List<String> segments,
      @ForAll("templates") List<Token> appName,
      @ForAll("templates") List<Token> linkedApp,
      @ForAll("templates") List<Token> region,
      @ForAll("templates") List<Token> earlierRegion) {
    // ^([a-z]+)-(\d+)-...$ against a key made of those very segments: group i is segment i
    String regex =
        segments.stream()
            .map(segment -> Character.isDigit(segment.charAt(0)) ? "(\\d+)" : "([a-z]+)")
            .collect(Collectors.joining("-", "^", "$"));
    String key = String.join("-", segments);
    // an earlier rule with other groups: ^(.)(.*)$; the later rule's groups must win
    Rule earlier =
        Rule.matching("^(.)(.*)$")
            .withAppName(text(earlierRegion))
            .withRegion(text(earlierRegion))
            .withProvider(text(earlierRegion));
    Rule rule =
        Rule.matching(regex)
            .withAppName(text(appName))
            .withLinkedApps(List.of(text(linkedApp), text(appName)))
            .withRegion(text(region));

    AppSettings settings = new Rules(List.of(earlier, rule), DEFAULT).resolve(key);

    assertThat(settings.appName()).isEqualTo(expected(appName, segments, key));
    assertThat(settings.linkedApps())
        .containsExactly(expected(linkedApp, segments, key), expected(appName, segments, key));
    assertThat(settings.region()).contains(expected(region, segments, key));
    // the earlier rule alone set the provider: its own groups, the first letter and the rest
    List<String> earlierGroups = List.of(key.substring(0, 1), key.substring(1));
    assertThat(settings.provider()).contains(expected(earlierRegion, earlierGroups, key));
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

  /**
   * Rules and the key they are applied to, as one value: jqwik 1.10.1 fails with a
   * ClassCastException when it shrinks a list parameter and a string parameter together.
   */
  record Case(List<Rule> rules, String key) {}

  private static Arbitrary<Case> cases(Arbitrary<List<Rule>> rules) {
    return Combinators.combine(rules, key()).as(Case::new);
  }

  private static Arbitrary<String> key() {
    return Arbitraries.strings().withChars("ab1-").ofMinLength(1).ofMaxLength(8);
  }

  /** ^? atom{1,4} $? where an atom is a literal, a class, a group, with an optional quantifier. */
  private static Arbitrary<String> regex() {
    Arbitrary<String> simple =
        Arbitraries.of("a", "b", "1", "-", "ab", ".", "[ab]", "\\d", "[^a]", "\\w", "x", "a|b");
    Arbitrary<String> atom =
        Arbitraries.oneOf(
            simple, simple.map(inner -> "(" + inner + ")"), simple.map(i -> "(?:" + i + ")"));
    Arbitrary<String> quantified =
        Combinators.combine(atom, Arbitraries.of("", "", "?", "*", "+", "{1,2}"))
            .as((a, q) -> a + q);
    return Combinators.combine(
            Arbitraries.of("", "^"),
            quantified.list().ofMinSize(1).ofMaxSize(4),
            Arbitraries.of("", "$"))
        .as((start, atoms, end) -> start + String.join("", atoms) + end)
        .filter(RulesPropertiesTest::compiles);
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
  @Provide
  Arbitrary<Case> literalRules() {
    Arbitrary<String> name = Arbitraries.strings().withChars("xyz-").ofMinLength(1).ofMaxLength(5);
    return cases(rules(name).list().ofMaxSize(5));
  }

  /** Rules whose string fields hold anything, $ and digits included. */
  @Provide
  Arbitrary<Case> anyRules() {
    Arbitrary<String> template =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(12),
            Arbitraries.strings().withChars("$0123456789a").ofMaxLength(25),
            Arbitraries.longs().map(n -> "$" + n),
            Arbitraries.strings().numeric().ofMinLength(10).ofMaxLength(40).map(n -> "x$" + n),
            Arbitraries.of("$", "$$", "$-1", "$1$", "\u0661", "$\u0661", "$\uff11", "$0"));
    return cases(rules(template).list().ofMaxSize(5));
  }

  private static Arbitrary<Rule> rules(Arbitrary<String> text) {
    return Combinators.combine(
            regex(),
            text.optional(),
            Arbitraries.longs().between(1, 10_000).map(Duration::ofMinutes).optional(),
            text.list().ofMaxSize(3).optional(),
            text.optional(),
            text.optional())
        .as(
            (regex, appName, idle, linked, provider, region) -> {
              Rule rule = Rule.matching(regex);
              rule = appName.map(rule::withAppName).orElse(rule);
              rule = idle.map(rule::withMaxIdleTime).orElse(rule);
              rule = linked.map(rule::withLinkedApps).orElse(rule);
              rule = provider.map(rule::withProvider).orElse(rule);
              return region.map(rule::withRegion).orElse(rule);
            });
  }

  /** 1 to 5 dash-separated segments, each letters or digits. */
  @Provide
  Arbitrary<List<String>> segments() {
    return Arbitraries.oneOf(
            Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(6),
            Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(6))
        .list()
        .ofMinSize(1)
        .ofMaxSize(5);
  }

  /**
   * Literal pieces and references to groups 0 to 7 (some past the last group). A literal never
   * starts with a digit, so that a reference followed by it stays the same reference.
   */
  @Provide
  Arbitrary<List<Token>> templates() {
    Arbitrary<Token> literal =
        Arbitraries.oneOf(
                Arbitraries.strings().withChars("abc-_./").ofMinLength(1).ofMaxLength(4),
                Arbitraries.of("$", "$x", "$$", "$-"))
            .map(Token::text);
    Arbitrary<Token> reference = Arbitraries.integers().between(0, 7).map(Token::ref);
    return Arbitraries.oneOf(literal, reference).list().ofMaxSize(6);
  }
}
