package dev.paastis.provider.kubernetes;

import dev.paastis.config.ConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a label selector written as {@code kubectl -l} takes it, so that a mistake stops Paastis
 * when it loads its configuration instead of failing every listing: comma-separated requirements,
 * each {@code key}, {@code !key}, {@code key=value}, {@code key==value}, {@code key!=value}, {@code
 * key in (a,b)} or {@code key notin (a,b)}; keys and values as Kubernetes labels have them.
 */
final class LabelSelectorSyntax {

  static final String ACCEPTED =
      "a label selector such as app=web,tier!=db or env in (review,demo): comma-separated key,"
          + " !key, key=value, key!=value, key in (v1,v2) or key notin (v1,v2)";

  /** A label name: 63 characters at most, alphanumeric at both ends. */
  private static final String NAME = "[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?";

  /** An optional DNS-subdomain prefix and a name: {@code paastis.dev/enabled}. */
  private static final String KEY = "([a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?/)?" + NAME;

  private static final String VALUE = "(" + NAME + ")?";

  private static final Pattern EXISTS = Pattern.compile("!?\\s*" + KEY);
  private static final Pattern EQUALS = Pattern.compile(KEY + "\\s*(=|==|!=)\\s*" + VALUE);
  private static final Pattern SET = Pattern.compile("(" + KEY + ")\\s+(in|notin)\\s*\\((.*)\\)");
  private static final Pattern SET_VALUE = Pattern.compile(VALUE);

  private LabelSelectorSyntax() {}

  /** The selector as given, trimmed; fails with a {@link ConfigException} naming the variable. */
  static String check(String variable, String selector) {
    String trimmed = selector.trim();
    for (String requirement : requirements(trimmed)) {
      problem(requirement.trim())
          .ifPresent(
              problem -> {
                throw ConfigException.invalid(variable, trimmed, ACCEPTED + " (" + problem + ")");
              });
    }
    return trimmed;
  }

  /** What is wrong with one requirement, if anything. */
  private static Optional<String> problem(String requirement) {
    if (requirement.isEmpty()) {
      return Optional.of("an empty requirement");
    }
    if (EXISTS.matcher(requirement).matches() || EQUALS.matcher(requirement).matches()) {
      return Optional.empty();
    }
    Matcher set = SET.matcher(requirement);
    if (set.matches()) {
      for (String value : set.group(set.groupCount()).split(",", -1)) {
        if (!SET_VALUE.matcher(value.trim()).matches()) {
          return Optional.of("'" + value.trim() + "' is not a label value");
        }
      }
      return Optional.empty();
    }
    return Optional.of("'" + requirement + "' is not a requirement");
  }

  /** The requirements, split on the commas outside parentheses. */
  private static List<String> requirements(String selector) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < selector.length(); i++) {
      char c = selector.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(selector.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(selector.substring(start));
    return parts;
  }
}
