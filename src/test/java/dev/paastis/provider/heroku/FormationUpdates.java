package dev.paastis.provider.heroku;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Validates formation PATCH bodies as the schema does ({@code additionalProperties: false}, {@code
 * type} required in a batch) and reads {@code quantity} as an integer or a numeric string, as the
 * CLI sends it. {@code dyno_size} is allowed by the schema and ignored here.
 */
final class FormationUpdates {

  record Update(String type, Integer quantity) {}

  private static final Set<String> BATCH_KEYS = Set.of("type", "quantity", "dyno_size");
  private static final Set<String> SINGLE_KEYS = Set.of("quantity", "dyno_size");

  private FormationUpdates() {}

  /** The updates of {@code {"updates":[...]}}; throws with the 422 message when invalid. */
  static List<Update> batch(JsonObject body) {
    requireOnly(body, Set.of("updates"));
    if (!(body.getValue("updates") instanceof JsonArray updates) || updates.isEmpty()) {
      throw new IllegalArgumentException("Invalid updates provided: expected a non-empty array.");
    }
    List<Update> parsed = new ArrayList<>();
    for (Object element : updates) {
      if (!(element instanceof JsonObject update)) {
        throw new IllegalArgumentException("Invalid update provided: expected an object.");
      }
      requireOnly(update, BATCH_KEYS);
      if (!(update.getValue("type") instanceof String type) || type.isBlank()) {
        throw new IllegalArgumentException("Invalid update provided: type is required.");
      }
      parsed.add(new Update(type, quantity(update)));
    }
    return parsed;
  }

  /** The quantity of {@code {"quantity":N}}, or null when only {@code dyno_size} is given. */
  static Integer single(JsonObject body) {
    requireOnly(body, SINGLE_KEYS);
    return quantity(body);
  }

  private static void requireOnly(JsonObject object, Set<String> allowed) {
    for (String key : object.fieldNames()) {
      if (!allowed.contains(key)) {
        throw new IllegalArgumentException("Invalid params provided: unknown key " + key + ".");
      }
    }
  }

  private static Integer quantity(JsonObject update) {
    Object value = update.getValue("quantity");
    if (value == null) {
      return null;
    }
    int quantity;
    if (value instanceof Integer || value instanceof Long) {
      quantity = ((Number) value).intValue();
    } else if (value instanceof String text && text.matches("\\d{1,6}")) {
      quantity = Integer.parseInt(text);
    } else {
      throw new IllegalArgumentException("Invalid quantity provided: " + value + ".");
    }
    if (quantity < 0) {
      throw new IllegalArgumentException("Invalid quantity provided: " + value + ".");
    }
    return quantity;
  }
}
