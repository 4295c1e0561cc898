package dev.paastis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code paastis savings}: what scale-to-zero saved, per app and in total, from the admin API. */
@Command(
    name = "savings",
    mixinStandardHelpOptions = true,
    description = {
      "Show what scale-to-zero saved on a running Paastis, through its admin API.",
      "Per app: hours awake and asleep, wakes, the cost per hour its rule sets and the saving"
          + " (hours asleep x cost per hour), with the totals."
    })
final class SavingsCommand implements Callable<Integer> {

  @Mixin AdminOptions admin;

  @Option(
      names = "--since",
      paramLabel = "DURATION",
      description =
          "How far back: 30d, 12h, 90m... (the server's default is 30d; at most EVENTS_RETENTION).")
  String since;

  @Option(names = "--json", description = "Print the API's JSON answer instead of a table.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Map<String, String> query = new LinkedHashMap<>();
    if (since != null) {
      query.put("since", since.strip());
    }
    JsonNode answer = admin.client().get("/api/savings", query);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(AdminClient.pretty(answer));
    } else {
      table(answer).forEach(out::println);
    }
    out.flush();
    return 0;
  }

  /** The window, then one row per app and the totals; {@code -} where no cost is set. */
  static List<String> table(JsonNode answer) {
    String window =
        "from "
            + AdminClient.instant(answer.path("since"))
                .map(Times::iso)
                .orElse(AppsCommand.text(answer.path("since")))
            + " to "
            + AdminClient.instant(answer.path("until"))
                .map(Times::iso)
                .orElse(AppsCommand.text(answer.path("until")));
    JsonNode apps = answer.path("apps");
    if (apps.isEmpty()) {
      return List.of(window, "no apps: none was tracked in that time");
    }
    Table table = Table.of("APP", "AWAKE", "ASLEEP", "WAKES", "COST/H", "SAVING");
    for (JsonNode app : apps) {
      table.row(
          AppsCommand.text(app.path("app")),
          hours(app.path("hours_awake")),
          hours(app.path("hours_asleep")),
          AppsCommand.text(app.path("wakes")),
          AppsCommand.text(app.path("cost_per_hour")),
          AppsCommand.text(app.path("saving")));
    }
    JsonNode totals = answer.path("totals");
    table.row(
        "TOTAL",
        hours(totals.path("hours_awake")),
        hours(totals.path("hours_asleep")),
        AppsCommand.text(totals.path("wakes")),
        "",
        AppsCommand.text(totals.path("saving")));
    List<String> lines = new ArrayList<>();
    lines.add(window);
    lines.addAll(table.lines());
    return lines;
  }

  /** {@code 707.5h} from the API's number of hours. */
  private static String hours(JsonNode hours) {
    if (!hours.isNumber()) {
      return "-";
    }
    BigDecimal value = hours.decimalValue().stripTrailingZeros();
    return (value.signum() == 0 ? "0" : value.toPlainString()) + "h";
  }
}
