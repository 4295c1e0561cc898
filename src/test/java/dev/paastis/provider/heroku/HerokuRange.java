package dev.paastis.provider.heroku;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Platform API {@code Range} header such as {@code name ..; max=200}, {@code id ]abc..; max=1000,
 * order=desc} or {@code name a..m[}: the sort field, an optional start bound ({@code ]} makes it
 * exclusive), an optional end bound ({@code [} makes it exclusive), page size and order. The {@code
 * Next-Range} it hands out continues after the last item of a page, in the same form, so clients
 * send it back verbatim.
 */
record HerokuRange(
    String field,
    String first,
    boolean firstExclusive,
    String last,
    boolean lastExclusive,
    int max,
    boolean descending) {

  static final int DEFAULT_MAX = 200;
  static final int LIMIT = 1000;
  static final Set<String> FIELDS = Set.of("id", "name");

  private static final Pattern SYNTAX =
      Pattern.compile(
          "\\s*(\\w+)\\s*(\\]?)([^\\s.;\\[\\]]*)\\.\\.([^\\s;\\[\\]]*)(\\[?)\\s*(?:;(.*))?");
  private static final Pattern MAX = Pattern.compile("\\s*max\\s*=\\s*(\\d+)\\s*");
  private static final Pattern ORDER = Pattern.compile("\\s*order\\s*=\\s*(asc|desc)\\s*");

  record Page<T>(List<T> items, String nextRange) {}

  /** Without a Range header: every app by name, a page of 200. */
  static HerokuRange byDefault() {
    return new HerokuRange("name", "", false, "", false, DEFAULT_MAX, false);
  }

  /** Parses a header value; a null or blank value means the default. */
  static HerokuRange parse(String header) {
    if (header == null || header.isBlank()) {
      return byDefault();
    }
    Matcher matcher = SYNTAX.matcher(header);
    if (!matcher.matches() || !FIELDS.contains(matcher.group(1))) {
      throw new IllegalArgumentException(header);
    }
    int max = DEFAULT_MAX;
    boolean descending = false;
    String parameters = matcher.group(6) == null ? "" : matcher.group(6);
    for (String parameter : parameters.split(",")) {
      Matcher maxMatcher = MAX.matcher(parameter);
      Matcher orderMatcher = ORDER.matcher(parameter);
      if (maxMatcher.matches()) {
        max = Math.min(LIMIT, Integer.parseInt(maxMatcher.group(1)));
      } else if (orderMatcher.matches()) {
        descending = orderMatcher.group(1).equals("desc");
      } else if (!parameter.isBlank()) {
        throw new IllegalArgumentException(header);
      }
    }
    if (max < 1) {
      throw new IllegalArgumentException(header);
    }
    return new HerokuRange(
        matcher.group(1),
        matcher.group(3),
        !matcher.group(2).isEmpty(),
        matcher.group(4),
        !matcher.group(5).isEmpty(),
        max,
        descending);
  }

  /** The items inside the bounds, sorted by {@code key}, cut to {@code max}. */
  <T> Page<T> page(List<T> items, Function<T, String> key) {
    Comparator<String> order = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
    List<T> selected = new ArrayList<>();
    items.stream()
        .filter(item -> afterStart(order, key.apply(item)) && beforeEnd(order, key.apply(item)))
        .sorted(Comparator.comparing(key, order))
        .forEach(selected::add);
    if (selected.size() <= max) {
      return new Page<>(selected, null);
    }
    List<T> page = selected.subList(0, max);
    return new Page<>(List.copyOf(page), next(key.apply(page.get(max - 1))));
  }

  private boolean afterStart(Comparator<String> order, String value) {
    if (first.isEmpty()) {
      return true;
    }
    int comparison = order.compare(value, first);
    return firstExclusive ? comparison > 0 : comparison >= 0;
  }

  private boolean beforeEnd(Comparator<String> order, String value) {
    if (last.isEmpty()) {
      return true;
    }
    int comparison = order.compare(value, last);
    return lastExclusive ? comparison < 0 : comparison <= 0;
  }

  private String next(String lastKey) {
    return field
        + " ]"
        + lastKey
        + ".."
        + last
        + (lastExclusive ? "[" : "")
        + "; max="
        + max
        + (descending ? ", order=desc" : "");
  }
}
