package dev.paastis.app;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Process types of an app and how many of each run (Heroku dynos, Scalingo containers, ...). Saved
 * when an app is stopped, restored when it is started again.
 */
public record Formation(Map<String, Integer> quantities) {

  public static final Formation EMPTY = new Formation(Map.of());

  /** What is started when nothing was saved: one web process. */
  public static final Formation DEFAULT = new Formation(Map.of("web", 1));

  public Formation {
    quantities.forEach(
        (type, quantity) -> {
          if (quantity < 0) {
            throw new IllegalArgumentException(
                "quantity of process type " + type + " must be >= 0, got " + quantity);
          }
        });
    quantities = Map.copyOf(new TreeMap<>(quantities));
  }

  public static Formation of(Map<String, Integer> quantities) {
    return new Formation(quantities);
  }

  public int total() {
    return quantities.values().stream().mapToInt(Integer::intValue).sum();
  }

  public boolean isEmpty() {
    return quantities.isEmpty();
  }

  /**
   * What to restore on an app that has the process {@code types} (in the provider's order): this
   * formation's quantity for each type (types it does not have are dropped); when that runs
   * nothing, one {@code web} process, or one of the first type when there is no web.
   */
  public Map<String, Integer> restoreOnto(List<String> types) {
    if (types.isEmpty()) {
      throw new IllegalArgumentException("an app with no process types cannot be started");
    }
    Map<String, Integer> restored = new LinkedHashMap<>();
    types.forEach(type -> restored.put(type, quantities.getOrDefault(type, 0)));
    if (restored.values().stream().allMatch(quantity -> quantity == 0)) {
      restored.put(types.contains("web") ? "web" : types.get(0), 1);
    }
    return restored;
  }

  /** The formation to restore: this one when it runs something, else one web process. */
  public Formation orDefault() {
    return total() > 0 ? this : DEFAULT;
  }
}
