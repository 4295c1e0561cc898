package dev.paastis.internal.admin;

import dev.paastis.events.EventCursor;
import dev.paastis.events.EventQuery;
import dev.paastis.events.EventType;
import io.vertx.core.MultiMap;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Reads the filters of {@code GET /api/events} into a query; bad values name what is accepted. */
final class EventFilters {

  static final int DEFAULT_LIMIT = 100;

  private EventFilters() {}

  static EventQuery parse(MultiMap params) {
    return new EventQuery(
        Optional.ofNullable(params.get("app")).filter(app -> !app.isBlank()),
        types(params.getAll("type")),
        Optional.ofNullable(params.get("since")).map(value -> instant("since", value)),
        Optional.ofNullable(params.get("until")).map(value -> instant("until", value)),
        limit(params.get("limit")),
        Optional.ofNullable(params.get("cursor")).map(EventFilters::cursor));
  }

  private static EventCursor cursor(String value) {
    try {
      return EventCursor.parse(value);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage());
    }
  }

  private static Set<EventType> types(Iterable<String> values) {
    Set<EventType> types = EnumSet.noneOf(EventType.class);
    for (String value : values) {
      for (String name : value.split(",")) {
        if (!name.isBlank()) {
          types.add(type(name.trim()));
        }
      }
    }
    return types;
  }

  private static EventType type(String name) {
    try {
      return EventType.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(
          "type="
              + name
              + " is not an event type: expected one of "
              + Arrays.toString(EventType.values()));
    }
  }

  private static Instant instant(String name, String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new BadRequestException(
          name + "=" + value + " is not a time: expected ISO-8601 UTC, e.g. 2026-11-25T10:15:30Z");
    }
  }

  private static int limit(String value) {
    if (value == null) {
      return DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(value.trim());
      if (limit >= 1 && limit <= EventQuery.MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // reported below with the accepted range
    }
    throw new BadRequestException(
        "limit="
            + value
            + " is not accepted: expected a whole number from 1 to "
            + EventQuery.MAX_LIMIT);
  }
}
