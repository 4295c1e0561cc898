package dev.paastis.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * One mapping of {@code paastis.yml} and where it sits ({@code rules[2]}), so that every error is
 * one line naming the file, the place and the field. Unknown keys are refused when it is made.
 */
final class YamlMapping {

  private final String file;
  private final String place;
  private final JsonNode node;

  private YamlMapping(String file, String place, JsonNode node) {
    this.file = file;
    this.place = place;
    this.node = node;
  }

  /** {@code place} is empty for the top of the file. */
  static YamlMapping of(String file, String place, JsonNode node, List<String> accepted) {
    YamlMapping mapping = new YamlMapping(file, place, node);
    if (!node.isObject()) {
      throw new ConfigException(
          mapping.where() + ": expected a mapping with the keys " + String.join(", ", accepted));
    }
    for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      if (!accepted.contains(key)) {
        throw new ConfigException(
            mapping.where()
                + ": unknown field '"
                + Variables.oneLine(key)
                + "' (accepted: "
                + String.join(", ", accepted)
                + ")");
      }
    }
    return mapping;
  }

  String file() {
    return file;
  }

  /** The place of a child: {@code rules} gives {@code rules[2]}, {@code local.apps[0]}. */
  String child(String field, int index) {
    return (place.isEmpty() ? "" : place + ".") + field + "[" + index + "]";
  }

  /** The value of {@code field}, empty when it is absent or null. */
  Optional<JsonNode> field(String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
  }

  /** A scalar field as text, trimmed, empty when absent, null or blank. */
  Optional<String> text(String field) {
    Optional<JsonNode> value = field(field);
    if (value.isPresent() && !value.get().isValueNode()) {
      throw notValid(field, "a single value, not a list or a mapping");
    }
    return value.map(JsonNode::asText).map(String::trim).filter(text -> !text.isEmpty());
  }

  String required(String field) {
    return text(field)
        .orElseThrow(() -> new ConfigException(where() + ": missing field '" + field + "'"));
  }

  /** The items of a list field, empty when it is absent or null. */
  List<JsonNode> list(String field) {
    Optional<JsonNode> value = field(field);
    if (value.isPresent() && !value.get().isArray()) {
      throw notValid(field, "a list");
    }
    List<JsonNode> items = new ArrayList<>();
    value.ifPresent(array -> array.forEach(items::add));
    return items;
  }

  /** "paastis.yml: rules[3] pattern 'foo(' " + {@code predicate}. */
  ConfigException fieldError(String field, String value, String predicate) {
    return new ConfigException(
        where() + " " + field + " '" + Variables.oneLine(value) + "' " + predicate);
  }

  ConfigException invalid(String field, String value, String accepted) {
    return fieldError(field, value, "is not valid: expected " + accepted);
  }

  /** For a field of the wrong shape, whose value is not shown. */
  ConfigException notValid(String field, String accepted) {
    return new ConfigException(where() + " " + field + " is not valid: expected " + accepted);
  }

  private String where() {
    return place.isEmpty() ? file : file + ": " + place;
  }
}
