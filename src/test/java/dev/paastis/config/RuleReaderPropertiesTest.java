package dev.paastis.config;

import static dev.paastis.testing.Generators.charsBetween;
import static dev.paastis.testing.Generators.optionals;
import static dev.paastis.testing.Generators.stringsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.maps;
import static org.quicktheories.generators.SourceDSL.strings;

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
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

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

  @Test
  void any_rules_tree_reads_or_fails_with_a_one_line_config_exception_naming_the_file() {
    int[] readAndRefused = new int[2];

    qt().withExamples(1000)
        .forAll(anyRulesTree())
        .checkAssert(
            rules -> {
              ObjectNode top = NODES.objectNode().set("rules", rules);

              Throwable thrown = catchThrowable(() -> read(top));

              readAndRefused[thrown == null ? 0 : 1]++;
              if (thrown != null) {
                assertThat(thrown).isExactlyInstanceOf(ConfigException.class);
                assertThat(thrown.getMessage())
                    .startsWith("paastis.yml")
                    .doesNotContain("\n", "\r");
              }
            });

    // both outcomes must be well covered, or the generator tests only one side
    int trees = readAndRefused[0] + readAndRefused[1];
    assertThat(readAndRefused[0]).as("trees read").isGreaterThan(trees / 20);
    assertThat(readAndRefused[1]).as("trees refused").isGreaterThan(trees / 20);
  }

  @Test
  void a_valid_rule_reads_back_as_written() {
    qt().withExamples(1000)
        .forAll(validRule())
        .checkAssert(
            given -> {
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
            });
  }

  /** The providers a rule may name: the built-in ones and a plugin's. */
  private static final List<String> PROVIDERS =
      List.of("heroku", "scalingo", "clever-cloud", "local", "acme-cloud");

  private static List<Rule> read(ObjectNode top) {
    return RuleReader.read(
        YamlMapping.of("paastis.yml", "", top, List.of("rules", "local")), PROVIDERS);
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

  /** The first fields of a valid rule, before the ones written in more than one way. */
  private record Head(
      String pattern,
      Optional<String> appName,
      Optional<Idle> idle,
      Optional<List<String>> linkedApps) {}

  private static Gen<ValidRule> validRule() {
    Gen<String> name = stringsOf(charsBetween('a', 'z') + "-$1", 1, 8);
    Gen<String> pattern =
        arbitrary().pick("^shop$", "review-(\\d+)", "(\\w+)-pr(\\d+)", "a|b", "[a-z]+", ".", "^$");
    // idle time: a bare number of minutes, or a number and a unit; both as the text YAML holds
    Gen<Optional<Idle>> idle =
        optionals(
            longs()
                .between(1, 100_000)
                .zip(
                    arbitrary().pick("", "ms", "s", "m", "h", "d"),
                    arbitrary().pick("", " "),
                    Idle::new));
    Gen<Optional<List<String>>> linked = optionals(lists().of(name).ofSizeBetween(0, 3));
    // a provider name as listed, in upper case or after a blank
    Gen<Optional<String>> provider =
        optionals(
            arbitrary()
                .pick(PROVIDERS)
                .zip(
                    integers().between(0, 2),
                    (canonical, form) ->
                        switch (form) {
                          case 0 -> canonical;
                          case 1 -> canonical.toUpperCase(Locale.ROOT);
                          default -> " " + canonical;
                        }));
    return pattern
        .zip(optionals(name), idle, linked, Head::new)
        .zip(
            booleans().all(),
            provider,
            optionals(name),
            (head, linkedAsList, providerName, region) -> {
              ObjectNode tree = NODES.objectNode().put("pattern", head.pattern());
              head.appName().ifPresent(value -> tree.put("app_name", value));
              head.idle().ifPresent(value -> tree.put("app_max_idle_time", value.text()));
              head.linkedApps()
                  .ifPresent(
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
                  head.pattern(),
                  head.appName(),
                  head.idle().map(Idle::duration),
                  head.linkedApps(),
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

  /** Mostly a list of rules; sometimes a single rule, or a scalar, where a list belongs. */
  private static Gen<JsonNode> anyRulesTree() {
    Gen<JsonNode> rule = anyRule();
    return Generate.frequency(
        Pair.of(8, lists().of(rule).ofSizeBetween(0, 4).map(RuleReaderPropertiesTest::array)),
        Pair.of(1, rule),
        Pair.of(1, scalar()));
  }

  /** A mapping of known (sometimes unknown) keys to values of any shape. */
  private static Gen<JsonNode> anyRule() {
    Gen<String> key =
        Generate.frequency(
            Pair.of(9, arbitrary().pick(FIELDS)),
            Pair.of(1, arbitrary().pick("app_nam", "", "Pattern", "\n")));
    Gen<JsonNode> value =
        Generate.frequency(
            Pair.of(6, scalar()),
            Pair.of(
                2, lists().of(scalar()).ofSizeBetween(0, 3).map(RuleReaderPropertiesTest::array)),
            Pair.of(1, arbitrary().constant(() -> (JsonNode) NODES.objectNode().put("a", "b"))),
            Pair.of(1, arbitrary().constant(() -> (JsonNode) NODES.nullNode())));
    Gen<JsonNode> pattern = text(patternText());
    return optionals(pattern)
        .zip(
            maps().of(key, value).ofSizeBetween(0, 6),
            booleans().all(),
            (patternValue, fields, mappingNotScalar) -> {
              ObjectNode tree = NODES.objectNode();
              patternValue.ifPresent(node -> tree.set("pattern", node));
              fields.forEach(tree::set);
              return mappingNotScalar ? tree : (JsonNode) NODES.textNode("shop");
            });
  }

  private static Gen<JsonNode> text(Gen<String> values) {
    return values.map(NODES::textNode);
  }

  /** Scalars as YamlTree keeps them: the text as written, durations and names among them. */
  private static Gen<JsonNode> scalar() {
    return text(
        Generate.oneOf(
            strings().basicMultilingualPlaneAlphabet().ofLengthBetween(0, 12),
            stringsOf("0123456789 msdh-.", 0, 25),
            longs().all().map(n -> String.valueOf(n)),
            arbitrary()
                .pick(
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

  private static Gen<String> patternText() {
    return Generate.oneOf(
        arbitrary().pick("a", "(a)", "foo(", "[", "\\", "*a", "(?<n>a)", "a{2,1}", "\\p{Nope}", ""),
        stringsOf("()[]{}*+?\\|^$.a1-", 0, 10),
        strings().basicMultilingualPlaneAlphabet().ofLengthBetween(0, 10));
  }

  private static JsonNode array(List<JsonNode> items) {
    ArrayNode array = NODES.arrayNode();
    items.forEach(array::add);
    return array;
  }
}
