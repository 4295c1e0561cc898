package dev.paastis.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * What {@link HostRouting#appKey} promises for any Host a client may send: it never throws, and an
 * app key is the first DNS label of the host, lower case, without port, dot or blank.
 */
class HostRoutingPropertiesTest {

  @Property(tries = 2000)
  @Label("any Host gives no app or its first label, lower case, never an exception")
  void any_host_names_no_app_or_its_first_label(@ForAll("anyHost") String host) {
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
  }

  @Property(tries = 1000)
  @Label("label.domain[.][:port] routes to label, in lower case, whatever spaces surround it")
  void a_valid_host_routes_to_its_first_label(
      @ForAll("dnsLabel") String label,
      @ForAll("domain") String domain,
      @ForAll boolean trailingDot,
      @ForAll("port") Optional<Integer> port,
      @ForAll("blanks") String before,
      @ForAll("blanks") String after) {
    String host =
        label + "." + domain + (trailingDot ? "." : "") + port.map(p -> ":" + p).orElse("");

    assertThat(HostRouting.appKey(host)).contains(label.toLowerCase(Locale.ROOT));
    assertThat(HostRouting.appKey(before + host + after)).contains(label.toLowerCase(Locale.ROOT));
  }

  @Property(tries = 300)
  @Label("a single label, with or without a port, is the app (localhost:3000)")
  void a_single_label_host_routes_to_itself(
      @ForAll("dnsLabel") String label, @ForAll("port") Optional<Integer> port) {
    assertThat(HostRouting.appKey(label + port.map(p -> ":" + p).orElse("")))
        .contains(label.toLowerCase(Locale.ROOT));
  }

  @Property(tries = 300)
  @Label("an IPv6 literal names no app")
  void an_ipv6_literal_names_no_app(
      @ForAll("ipv6") String address, @ForAll("port") Optional<Integer> port) {
    assertThat(HostRouting.appKey("[" + address + "]" + port.map(p -> ":" + p).orElse("")))
        .isEmpty();
  }

  @Property(tries = 300)
  @Label("a Host whose first label is empty names no app (.example.com, :3000)")
  void an_empty_first_label_names_no_app(
      @ForAll("domain") String domain, @ForAll("port") Optional<Integer> port) {
    assertThat(HostRouting.appKey("." + domain)).isEmpty();
    assertThat(HostRouting.appKey(port.map(p -> ":" + p).orElse(":"))).isEmpty();
  }

  @Provide
  Arbitrary<String> anyHost() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(80),
        Arbitraries.strings().all().ofMaxLength(80),
        Arbitraries.strings().ascii().ofMaxLength(300),
        hostLike());
  }

  /** Pieces of Host values glued together, so that dots, ports and brackets meet odd labels. */
  private Arbitrary<String> hostLike() {
    Arbitrary<String> piece =
        Arbitraries.oneOf(
            dnsLabel(),
            dnsLabel().map(label -> label.toUpperCase(Locale.ROOT)),
            Arbitraries.of(
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
            Arbitraries.integers().between(0, 99999).map(String::valueOf),
            Arbitraries.strings().withChars('a', 'B', '-').ofMinLength(64).ofMaxLength(400),
            Arbitraries.strings().all().ofMaxLength(4));
    return piece.list().ofMaxSize(8).map(pieces -> String.join("", pieces));
  }

  /** An LDH label of 1 to 63 characters, letters in either case, no hyphen at either end. */
  @Provide
  Arbitrary<String> dnsLabel() {
    Arbitrary<Character> edge = Arbitraries.chars().range('a', 'z').range('A', 'Z').range('0', '9');
    Arbitrary<String> middle =
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .withCharRange('A', 'Z')
            .withCharRange('0', '9')
            .withChars('-')
            .ofMaxLength(61);
    return Arbitraries.oneOf(
        edge.map(String::valueOf),
        Combinators.combine(edge, middle, edge).as((first, inner, last) -> first + inner + last));
  }

  @Provide
  Arbitrary<String> domain() {
    return dnsLabel().list().ofMinSize(1).ofMaxSize(4).map(labels -> String.join(".", labels));
  }

  @Provide
  Arbitrary<Optional<Integer>> port() {
    return Arbitraries.integers().between(0, 65535).optional();
  }

  @Provide
  Arbitrary<String> blanks() {
    return Arbitraries.strings().withChars(' ', '\t').ofMaxLength(3);
  }

  @Provide
  Arbitrary<String> ipv6() {
    Arbitrary<String> group =
        Arbitraries.strings()
            .withCharRange('0', '9')
            .withCharRange('a', 'f')
            .ofMinLength(1)
            .ofMaxLength(4);
    return Arbitraries.oneOf(
        Arbitraries.of(List.of("::1", "::", "fe80::1%25eth0", "::ffff:192.0.2.1")),
        group.list().ofSize(8).map(groups -> String.join(":", groups)),
        Combinators.combine(group.list().ofMaxSize(3), group.list().ofMaxSize(3))
            .as((left, right) -> String.join(":", left) + "::" + String.join(":", right)));
  }
}
