package dev.paastis.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paastis.app.Rule;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * What {@link RuleReader} promises for any {@code rules:} tree: a user mistake is a one-line {@link
 * ConfigException} naming the file, never another exception, and a valid rule reads back as written
 * (a bare idle time in minutes, provider names in any case).
 */
class RuleReaderPropertiesTest {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<String> FIELDS =
      List.of("pattern", "app_name", "app_max_idle_time", "linked_apps", "provider", "region");
  private static final Map<String, ChronoUnit> UNITS =
      Map.of(
          "ms", ChronoUnit.MILLIS,
          "s", ChronoUnit.SECONDS,
          "m", ChronoUnit.MINUTES,
          "h", ChronoUnit.HOURS,
          "d", ChronoUnit.DAYS);

  @Property(tries = 1000)
  @Label("any rules tree reads or fails with a one-line ConfigException naming the file")
  void any_rules_tree_reads_or_names_the_mistake(@ForAll("anyRulesTree") JsonNode rules) {
    ObjectNode top = NODES.objectNode().set("rules", rules);

    Throwable thrown = catchThrowable(() -> read(top));

    Statistics.collect(thrown == null ? "read" : "refused");
    Statistics.coverage(
        coverage -> {
          coverage.check("read").percentage(percent -> percent > 5);
          coverage.check("refused").percentage(percent -> percent > 5);
        });
    if (thrown != null) {
      assertThat(thrown).isExactlyInstanceOf(ConfigException.class);
      assertThat(thrown.getMessage()).startsWith("paastis.yml").doesNotContain("\n", "\r");
    }
  }

  @Property(tries = 1000)
  @Label("a valid rule reads back as written")
  void a_valid_rule_reads_back_as_written(@ForAll("validRule") ValidRule given) {
    ObjectNode top = NODES.objectNode().set("rules", NODES.arrayNode().add(given.tree()));

    List<Rule> rules = read(top);

    assertThat(rules).hasSize(1);
    Rule rule = rules.get(0);
    assertThat(rule.pattern().pattern()).isEqualTo(given.pattern());
    assertThat(rule.appName()).isEqualTo(given.appName());
    assertThat(rule.maxIdleTime()).isEqualTo(given.maxIdleTime());
    assertThat(rule.linkedApps()).isEqualTo(given.linkedApps());
    assertThat(rule.provider()).isEqualTo(given.provider());
    assertThat(rule.region()).isEqualTo(given.region());
  }

  private static List<Rule> read(ObjectNode top) {
    return RuleReader.read(YamlMapping.of("paastis.yml", "", top, List.of("rules", "local")));
  }

  /** A valid rule tree and what it must read as. */
  record ValidRule(
      ObjectNode tree,
      String pattern,
      Optional<String> appName,
      Optional<Duration> maxIdleTime,
      Optional<List<String>> linkedApps,
      Optional<String> provider,
      Optional<String> region) {}

  @Provide
  Arbitrary<ValidRule> validRule() {
    Arbitrary<String> name =
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .withChars("-$1")
            .ofMinLength(1)
            .ofMaxLength(8);
    Arbitrary<String> pattern =
        Arbitraries.of("^shop$", "review-(\\d+)", "(\\w+)-pr(\\d+)", "a|b", "[a-z]+", ".", "^$");
    // idle time: a bare number of minutes, or a number and a unit; both as the text YAML holds
    Arbitrary<Optional<Idle>> idle =
        Combinators.combine(
                Arbitraries.longs().between(1, 100_000),
                Arbitraries.of("", "ms", "s", "m", "h", "d"),
                Arbitraries.of("", " "))
            .as(Idle::new)
            .optional();
    Arbitrary<Optional<List<String>>> linked = name.list().ofMaxSize(3).optional();
    Arbitrary<Optional<String>> provider =
        Arbitraries.of(ProviderSelection.NAMES)
            .flatMap(
                canonical ->
                    Arbitraries.of(canonical, canonical.toUpperCase(Locale.ROOT), " " + canonical))
            .optional();
    return Combinators.combine(
            pattern,
            name.optional(),
            idle,
            linked,
            Arbitraries.of(true, false),
            provider,
            name.optional())
        .as(
            (regex, appName, idleTime, linkedApps, linkedAsList, providerName, region) -> {
              ObjectNode tree = NODES.objectNode().put("pattern", regex);
              appName.ifPresent(value -> tree.put("app_name", value));
              idleTime.ifPresent(value -> tree.put("app_max_idle_time", value.text()));
              linkedApps.ifPresent(
                  apps -> {
                    if (linkedAsList) {
                      ArrayNode list = NODES.arrayNode();
                      apps.forEach(list::add);
                      tree.set("linked_apps", list);
                    } else {
                      tree.put("linked_apps", String.join(" , ", apps));
                    }
                  });
              providerName.ifPresent(value -> tree.put("provider", value));
              region.ifPresent(value -> tree.put("region", value));
              return new ValidRule(
                  tree,
                  regex,
                  appName,
                  idleTime.map(Idle::duration),
                  linkedApps,
                  providerName.map(value -> value.trim().toLowerCase(Locale.ROOT)),
                  region);
            });
  }

  /** {@code amount} + {@code unit} (none: minutes), padded with {@code blank}. */
  record Idle(long amount, String unit, String blank) {

    String text() {
      return blank + amount + unit + blank;
    }

    Duration duration() {
      return Duration.of(amount, unit.isEmpty() ? ChronoUnit.MINUTES : UNITS.get(unit));
    }
  }

  @Provide
  Arbitrary<JsonNode> anyRulesTree() {
    Arbitrary<JsonNode> rule = anyRule();
    return Arbitraries.frequencyOf(
        Tuple.of(8, rule.list().ofMaxSize(4).map(RuleReaderPropertiesTest::array)),
        Tuple.of(1, rule),
        Tuple.of(1, scalar()));
  }

  /** A mapping of known (sometimes unknown) keys to values of any shape. */
  private Arbitrary<JsonNode> anyRule() {
    Arbitrary<String> key =
        Arbitraries.frequencyOf(
            Tuple.of(9, Arbitraries.of(FIELDS)),
            Tuple.of(1, Arbitraries.of("app_nam", "", "Pattern", "\n")));
    Arbitrary<JsonNode> value =
        Arbitraries.frequencyOf(
            Tuple.of(6, scalar()),
            Tuple.of(2, scalar().list().ofMaxSize(3).map(RuleReaderPropertiesTest::array)),
            Tuple.of(1, Arbitraries.just(NODES.objectNode().put("a", "b"))),
            Tuple.of(1, Arbitraries.just(NODES.nullNode())));
    Arbitrary<JsonNode> pattern = text(patternText());
    return Combinators.combine(
            pattern.optional(),
            Arbitraries.maps(key, value).ofMaxSize(6),
            Arbitraries.of(true, false))
        .as(
            (patternValue, fields, mappingNotScalar) -> {
              ObjectNode tree = NODES.objectNode();
              patternValue.ifPresent(node -> tree.set("pattern", node));
              fields.forEach(tree::set);
              return mappingNotScalar ? tree : (JsonNode) NODES.textNode("shop");
            });
  }

  private static Arbitrary<JsonNode> text(Arbitrary<String> values) {
    return values.map(NODES::textNode);
  }

  /** Scalars as YamlTree keeps them: the text as written, durations and names among them. */
  private Arbitrary<JsonNode> scalar() {
    return text(
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(12),
            Arbitraries.strings().withChars("0123456789 msdh-.").ofMaxLength(25),
            Arbitraries.longs().map(String::valueOf),
            Arbitraries.of(
                "30",
                "0",
                "2h",
                "500ms",
                "1d",
                "9223372036854775807",
                "9223372036854775807s",
                "153722867280912930m",
                "heroku",
                "SCALINGO",
                "aws",
                "a, b,,",
                " ",
                "\n",
                "shop-$1",
                "$99999999999")));
  }

  private Arbitrary<String> patternText() {
    return Arbitraries.oneOf(
        Arbitraries.of("a", "(a)", "foo(", "[", "\\", "*a", "(?<n>a)", "a{2,1}", "\\p{Nope}", ""),
        Arbitraries.strings().withChars("()[]{}*+?\\|^$.a1-").ofMaxLength(10),
        Arbitraries.strings().ofMaxLength(10));
  }

  private static JsonNode array(List<JsonNode> items) {
    ArrayNode array = NODES.arrayNode();
    items.forEach(array::add);
    return array;
  }
}
