package dev.paastis.testing;

import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.quicktheories.core.Gen;

/**
 * What the property tests ({@code *PropertiesTest}) need beyond QuickTheories' {@code SourceDSL}:
 * strings over a given set of characters, optionals, and failing strings shown escaped.
 *
 * <p>A falsified property reports the smallest example it shrank to and its seed; {@code ./mvnw
 * test -Dtest=TheClass -DQT_SEED=<seed>} replays the same examples.
 */
public final class Generators {

  private Generators() {}

  /** The characters {@code from} to {@code to}, both included, as one string. */
  public static String charsBetween(char from, char to) {
    return IntStream.rangeClosed(from, to)
        .mapToObj(c -> String.valueOf((char) c))
        .collect(Collectors.joining());
  }

  /** One of the characters of {@code chars}; shrinks towards the first. */
  public static Gen<Character> charsOf(String chars) {
    return arbitrary().pick(chars.chars().mapToObj(c -> (char) c).toList());
  }

  /** Strings of {@code minLength} to {@code maxLength} characters, each one of {@code chars}. */
  public static Gen<String> stringsOf(String chars, int minLength, int maxLength) {
    return lists()
        .of(charsOf(chars))
        .ofSizeBetween(minLength, maxLength)
        .map(Generators::join)
        .describedAs(Generators::quoted);
  }

  /** Empty one time in twenty (as the earlier property tests had it); shrinks towards empty. */
  public static <T> Gen<Optional<T>> optionals(Gen<T> values) {
    return values.toOptionals(5);
  }

  /** The same strings, shown in a failure as a Java literal: controls and non-ASCII escaped. */
  public static Gen<String> described(Gen<String> strings) {
    return strings.describedAs(Generators::quoted);
  }

  /** {@code text} as a Java string literal, every character outside printable ASCII escaped. */
  public static String quoted(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c >= 0x20 && c < 0x7f) {
        out.append(c);
      } else {
        out.append(String.format("\\u%04x", (int) c));
      }
    }
    return out.append('"').toString();
  }

  private static String join(List<Character> chars) {
    StringBuilder out = new StringBuilder(chars.size());
    chars.forEach(out::append);
    return out.toString();
  }
}
