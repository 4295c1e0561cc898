package dev.paastis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paastis.config.ConfigException;
import dev.paastis.config.Durations;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code paastis events}: what happened to the apps of a running Paastis, newest first. */
@Command(
    name = "events",
    mixinStandardHelpOptions = true,
    description = {
      "List what happened to the apps of a running Paastis (admin API).",
      "Newest first; with --follow, each new event as it happens."
    })
final class EventsCommand implements Callable<Integer> {

  private static final String SINCE_ACCEPTED =
      "an ISO time such as 2026-11-25T10:15:30Z or a duration such as 30m, 2h or 1d (that long"
          + " ago)";

  @Mixin AdminOptions admin;

  @Option(names = "--app", paramLabel = "APP", description = "Only the events of this app.")
  String app;

  @Option(
      names = "--type",
      paramLabel = "TYPE",
      split = ",",
      description =
          "Only events of these types (repeat the flag or separate with commas): APP_STARTED,"
              + " APP_STOPPED, …")
  List<String> types = new ArrayList<>();

  @Option(
      names = "--since",
      paramLabel = "WHEN",
      description =
          "Only events from then on: an ISO time (2026-11-25T10:15:30Z) or 30m, 2h, 1d ago.")
  String since;

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "At most N events, 1 to 1000 (the server's default is 100).")
  Integer limit;

  @Option(
      names = "--cursor",
      paramLabel = "CURSOR",
      description = "The next, older page: the cursor the previous page ended with.")
  String cursor;

  @Option(
      names = {"-f", "--follow"},
      description =
          "Keep the connection open and print each new event as it happens, until Ctrl-C. Takes"
              + " --app and --type; with --json, one JSON object a line.")
  boolean follow;

  @Option(names = "--json", description = "Print the API's JSON answer instead of a table.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (follow && (since != null || limit != null || cursor != null)) {
      throw new ConfigException(
          "--since, --limit and --cursor do not go with --follow, which prints new events only");
    }
    Map<String, String> query = new LinkedHashMap<>();
    if (app != null) {
      query.put("app", app);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (follow) {
      follow(admin.client(), query, out);
      return 0;
    }
    if (!typeNames().isEmpty()) {
      query.put("type", String.join(",", typeNames()));
    }
    if (since != null) {
      query.put("since", since(since, Instant.now()).toString());
    }
    if (limit != null) {
      query.put("limit", limit.toString());
    }
    if (cursor != null) {
      query.put("cursor", cursor);
    }
    JsonNode answer = admin.client().get("/api/events", query);
    if (json) {
      out.println(AdminClient.pretty(answer));
    } else {
      JsonNode events = answer.path("events");
      (events.isEmpty() ? List.of("no events") : table(events).lines()).forEach(out::println);
      String next = answer.path("next_cursor").asText("");
      if (!next.isEmpty()) {
        out.println("(more: add --cursor " + next + ")");
      }
    }
    out.flush();
    return 0;
  }

  private void follow(AdminClient client, Map<String, String> query, PrintWriter out) {
    Set<String> wanted = typeNames();
    client.stream(
        "/api/events/stream",
        query,
        () -> {
          if (!json) {
            out.println(streamed(AdminClient.JSON.createArrayNode()).lines().get(0));
            out.flush();
          }
        },
        event -> {
          if (wanted.isEmpty() || wanted.contains(event.path("type").asText())) {
            if (json) {
              out.println(event.toString());
            } else {
              streamed(AdminClient.JSON.createArrayNode().add(event))
                  .rowLines()
                  .forEach(out::println);
            }
            out.flush();
          }
        });
  }

  private Set<String> typeNames() {
    return types.stream()
        .map(type -> type.strip().toUpperCase(Locale.ROOT))
        .filter(type -> !type.isEmpty())
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /**
   * The instant {@code --since} names: an ISO time, or a duration counted back from {@code now}.
   *
   * @throws ConfigException when it is neither
   */
  static Instant since(String text, Instant now) {
    try {
      return OffsetDateTime.parse(text.strip()).toInstant();
    } catch (DateTimeParseException notATime) {
      try {
        return now.minus(Durations.parse("--since", text, ChronoUnit.MINUTES));
      } catch (ConfigException notADuration) {
        throw ConfigException.invalid("--since", text, SINCE_ACCEPTED);
      }
    }
  }

  /**
   * A table of the events printed one at a time as they come: columns wide enough for the usual
   * names, so that they line up under the header.
   */
  private static Table streamed(JsonNode events) {
    return table(events).minWidths(20, 16, 16, 8, 0);
  }

  /** The events as a table, in the order given. */
  static Table table(JsonNode events) {
    Table table = Table.of("TIME", "TYPE", "APP", "PROVIDER", "DETAILS");
    for (JsonNode event : events) {
      table.row(
          AdminClient.instant(event.path("occurred_at"))
              .map(Times::iso)
              .orElse(AppsCommand.text(event.path("occurred_at"))),
          AppsCommand.text(event.path("type")),
          AppsCommand.text(event.path("app")),
          AppsCommand.text(event.path("provider")),
          details(event.path("details")));
    }
    return table;
  }

  /** {@code reason=idle took_ms=1200}; values with spaces quoted, nested ones as JSON. */
  static String details(JsonNode details) {
    StringJoiner pairs = new StringJoiner(" ");
    details
        .fields()
        .forEachRemaining(
            field -> {
              JsonNode value = field.getValue();
              String text = value.isValueNode() ? value.asText() : value.toString();
              if (text.isEmpty() || text.chars().anyMatch(Character::isWhitespace)) {
                text = '"' + text.replace("\"", "\\\"") + '"';
              }
              pairs.add(field.getKey() + "=" + text);
            });
    return pairs.toString();
  }
}
