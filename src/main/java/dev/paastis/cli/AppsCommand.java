package dev.paastis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code paastis apps}: the apps of a running Paastis, from its admin API. */
@Command(
    name = "apps",
    mixinStandardHelpOptions = true,
    description = {
      "List the apps of a running Paastis, through its admin API.",
      "State, provider, region, last access, why the app is awake or asleep (WHY: idle_timer, pin,"
          + " keep_awake, busy, keep_asleep, asleep, waking, untracked) and when that changes"
          + " (CHANGES IN), and hours stopped by Paastis over the last 7 days (SLEPT 7D)."
    })
final class AppsCommand implements Callable<Integer> {

  @Mixin AdminOptions admin;

  @Option(names = "--json", description = "Print the API's JSON answer instead of a table.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    JsonNode answer = admin.client().get("/api/apps", Map.of());
    if (json) {
      spec.commandLine().getOut().println(AdminClient.pretty(answer));
    } else {
      table(answer).forEach(spec.commandLine().getOut()::println);
    }
    spec.commandLine().getOut().flush();
    return 0;
  }

  /** The table of {@code GET /api/apps}, relative times counted from the server's {@code now}. */
  static List<String> table(JsonNode answer) {
    JsonNode apps = answer.path("apps");
    if (apps.isEmpty()) {
      return List.of("no apps: no provider lists any");
    }
    Instant now = AdminClient.instant(answer.path("now")).orElseGet(Instant::now);
    Table table =
        Table.of(
            "NAME", "STATE", "PROVIDER", "REGION", "LAST ACCESS", "WHY", "CHANGES IN", "SLEPT 7D");
    for (JsonNode app : apps) {
      table.row(
          name(app),
          text(app.path("state")),
          text(app.path("provider")),
          text(app.path("region")),
          AdminClient.instant(app.path("last_accessed_at"))
              .map(then -> Times.ago(then, now))
              .orElse("-"),
          text(app.path("why")),
          AdminClient.instant(app.path("changes_at"))
              .map(then -> Times.until(then, now))
              .orElse("-"),
          app.path("slept_seconds_7d").isNumber()
              ? Times.hours(app.path("slept_seconds_7d").asLong())
              : "-");
    }
    return table.lines();
  }

  /** The name to type in {@code paastis start}, and the provider's own when it differs. */
  private static String name(JsonNode app) {
    String name = text(app.path("name"));
    String displayName = app.path("display_name").asText("");
    return displayName.isBlank() || displayName.equals(name)
        ? name
        : name + " (" + displayName + ")";
  }

  /** The field's text, {@code -} when it is null or absent. */
  static String text(JsonNode field) {
    return field.isValueNode() && !field.isNull() ? field.asText() : "-";
  }
}
