package dev.paastis.internal.proxy;

import static dev.paastis.testing.Generators.charsBetween;
import static dev.paastis.testing.Generators.charsOf;
import static dev.paastis.testing.Generators.described;
import static dev.paastis.testing.Generators.optionals;
import static dev.paastis.testing.Generators.stringsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * What {@link HostRouting#appKey} promises for any Host a client may send: it never throws, and an
 * app key is the first DNS label of the host, lower case, without port, dot or blank.
 */
class HostRoutingPropertiesTest {

  private static final String LETTERS_AND_DIGITS =
      charsBetween('a', 'z') + charsBetween('A', 'Z') + charsBetween('0', '9');

  @Test
  void any_host_gives_no_app_or_its_first_label_in_lower_case_never_an_exception() {
    qt().withExamples(2000)
        .forAll(anyHost())
        .checkAssert(
            host -> {
              Optional<String> key = HostRouting.appKey(host);

              if (key.isEmpty()) {
                return;
              }
              String app = key.get();
              assertThat(app).isNotEmpty().doesNotContain(".", ":");
              assertThat(app.codePoints())
                  .noneMatch(Character::isWhitespace)
                  .noneMatch(Character::isISOControl)
                  .noneMatch(Character::isSpaceChar);
              assertThat(app).isEqualTo(app.toLowerCase(Locale.ROOT));
              // the key is the text before the first '.' or ':' of the trimmed Host, lower-cased
              String trimmed = host.trim();
              String firstLabel = trimmed.split("[.:]", -1)[0];
              assertThat(app).isEqualTo(firstLabel.toLowerCase(Locale.ROOT));
            });
  }

  @Test
  void label_dot_domain_routes_to_the_label_with_a_trailing_dot_a_port_or_blanks_around() {
    qt().withExamples(1000)
        .forAll(validHost(), blanks(), blanks())
        .checkAssert(
            (host, before, after) -> {
              String app = host.label().toLowerCase(Locale.ROOT);

              assertThat(HostRouting.appKey(host.text())).contains(app);
              assertThat(HostRouting.appKey(before + host.text() + after)).contains(app);
            });
  }

  @Test
  void a_single_label_with_or_without_a_port_is_the_app_as_in_localhost_3000() {
    qt().withExamples(300)
        .forAll(dnsLabel(), port())
        .checkAssert(
            (label, port) ->
                assertThat(HostRouting.appKey(label + port.map(p -> ":" + p).orElse("")))
                    .contains(label.toLowerCase(Locale.ROOT)));
  }

  @Test
  void an_ipv6_literal_names_no_app() {
    qt().withExamples(300)
        .forAll(ipv6(), port())
        .checkAssert(
            (address, port) ->
                assertThat(
                        HostRouting.appKey("[" + address + "]" + port.map(p -> ":" + p).orElse("")))
                    .isEmpty());
  }

  @Test
  void a_host_whose_first_label_is_empty_names_no_app_as_in_dot_example_com_or_colon_3000() {
    qt().withExamples(300)
        .forAll(domain(), port())
        .checkAssert(
            (domain, port) -> {
              assertThat(HostRouting.appKey("." + domain)).isEmpty();
              assertThat(HostRouting.appKey(port.map(p -> ":" + p).orElse(":"))).isEmpty();
            });
  }

  /** {@code label.domain[.][:port]}, a Host as a browser sends it. */
  record ValidHost(String label, String domain, boolean trailingDot, Optional<Integer> port) {

    String text() {
      return label + "." + domain + (trailingDot ? "." : "") + port.map(p -> ":" + p).orElse("");
    }
  }

  private static Gen<ValidHost> validHost() {
    return dnsLabel().zip(domain(), booleans().all(), port(), ValidHost::new);
  }

  /** Any text (controls, non-ASCII, surrogates), long ASCII, and pieces of Host values. */
  private static Gen<String> anyHost() {
    return described(
        Generate.oneOf(
            strings().basicMultilingualPlaneAlphabet().ofLengthBetween(0, 80),
            strings().allPossible().ofLengthBetween(0, 80),
            strings().ascii().ofLengthBetween(0, 300),
            hostLike()));
  }

  /** Pieces of Host values glued together, so that dots, ports and brackets meet odd labels. */
  private static Gen<String> hostLike() {
    Gen<String> piece =
        Generate.oneOf(
            dnsLabel(),
            dnsLabel().map(label -> label.toUpperCase(Locale.ROOT)),
            arbitrary()
                .pick(
                    "",
                    ".",
                    "..",
                    ":",
                    "::",
                    "[",
                    "]",
                    "[::1]",
                    " ",
                    "\t",
                    "\n",
                    "\r\n",
                    "\u0000",
                    "\u007f",
                    "\u00a0",
                    "\u2028",
                    "\u3000",
                    "é",
                    "İ",
                    "ß",
                    "Σ",
                    "ǅ",
                    "日本",
                    "😀",
                    "xn--bcher-kva",
                    "-",
                    "_",
                    "%2F",
                    "@",
                    "/",
                    "?",
                    "#"),
            integers().between(0, 99999).map(n -> String.valueOf(n)),
            stringsOf("aB-", 64, 400),
            strings().allPossible().ofLengthBetween(0, 4));
    return lists().of(piece).ofSizeBetween(0, 8).map(pieces -> String.join("", pieces));
  }

  /** An LDH label of 1 to 63 characters, letters in either case, no hyphen at either end. */
  private static Gen<String> dnsLabel() {
    Gen<Character> edge = charsOf(LETTERS_AND_DIGITS);
    Gen<String> middle = stringsOf(LETTERS_AND_DIGITS + "-", 0, 61);
    return described(
        Generate.oneOf(
            edge.map(c -> String.valueOf(c)),
            edge.zip(middle, edge, (first, inner, last) -> first + inner + last)));
  }

  private static Gen<String> domain() {
    return described(
        lists().of(dnsLabel()).ofSizeBetween(1, 4).map(labels -> String.join(".", labels)));
  }

  private static Gen<Optional<Integer>> port() {
    return optionals(integers().between(0, 65535));
  }

  private static Gen<String> blanks() {
    return stringsOf(" \t", 0, 3);
  }

  private static Gen<String> ipv6() {
    Gen<String> group = stringsOf("0123456789abcdef", 1, 4);
    Gen<List<String>> fewGroups = lists().of(group).ofSizeBetween(0, 3);
    return Generate.oneOf(
        arbitrary().pick(List.of("::1", "::", "fe80::1%25eth0", "::ffff:192.0.2.1")),
        lists().of(group).ofSize(8).map(groups -> String.join(":", groups)),
        fewGroups.zip(
            fewGroups, (left, right) -> String.join(":", left) + "::" + String.join(":", right)));
  }
}
