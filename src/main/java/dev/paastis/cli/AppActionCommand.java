package dev.paastis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code paastis start APP} and {@code paastis stop APP}, through the admin API. */
abstract class AppActionCommand implements Callable<Integer> {

  @Mixin AdminOptions admin;

  @Parameters(paramLabel = "APP", description = "The app's name, as `paastis apps` lists it.")
  String app;

  @Option(
      names = "--no-wait",
      description = "Return as soon as Paastis has taken the request, without waiting for the app.")
  boolean noWait;

  @Option(names = "--json", description = "Print the app's JSON as the API answers it.")
  boolean json;

  @Spec CommandSpec spec;

  /** {@code start} or {@code stop}: the last segment of the route and the verb printed. */
  abstract String action();

  @Override
  public Integer call() {
    AdminClient client = admin.client();
    long began = System.nanoTime();
    JsonNode answer =
        client.post(
            AdminClient.path("api", "apps", app, action()),
            noWait ? Map.of() : Map.of("wait", "true"),
            !noWait);
    Duration took = Duration.ofNanos(System.nanoTime() - began);
    PrintWriter out = spec.commandLine().getOut();
    String name = answer.path("name").asText(app);
    String state = AppsCommand.text(answer.path("state"));
    if (json) {
      out.println(AdminClient.pretty(answer));
    } else if (noWait) {
      out.println(action() + " of " + name + " requested; it is " + state);
    } else {
      out.println(name + " is " + state + " (" + Times.elapsed(took) + ")");
    }
    out.flush();
    return 0;
  }

  @Command(
      name = "start",
      mixinStandardHelpOptions = true,
      description = {
        "Start an app, through the admin API of a running Paastis.",
        "Waits until the app answers, or until Paastis gives up waking it."
      })
  static final class Start extends AppActionCommand {

    @Override
    String action() {
      return "start";
    }
  }

  @Command(
      name = "stop",
      mixinStandardHelpOptions = true,
      description = {
        "Stop an app, through the admin API of a running Paastis.",
        "Waits until it is stopped. Refused while requests to it are in flight or a wake is"
            + " under way."
      })
  static final class Stop extends AppActionCommand {

    @Override
    String action() {
      return "stop";
    }
  }
}
