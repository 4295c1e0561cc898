package dev.paastis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code paastis pin APP --for 2h} and {@code paastis unpin APP}, through the admin API. */
final class PinCommands {

  private PinCommands() {}

  /** What both commands share: the admin options, the app, the JSON flag and the output. */
  abstract static class OnApp implements Callable<Integer> {

    @Mixin AdminOptions admin;

    @Parameters(paramLabel = "APP", description = "The app's name, as `paastis apps` lists it.")
    String app;

    @Option(names = "--json", description = "Print the app's JSON as the API answers it.")
    boolean json;

    @Spec CommandSpec spec;

    /** Calls the API; the app's JSON it answers. */
    abstract JsonNode send(AdminClient client, String path);

    /** The line printed for a person. */
    abstract String summary(JsonNode answer);

    @Override
    public Integer call() {
      JsonNode answer = send(admin.client(), AdminClient.path("api", "apps", app, "pin"));
      PrintWriter out = spec.commandLine().getOut();
      out.println(json ? AdminClient.pretty(answer) : summary(answer));
      out.flush();
      return 0;
    }

    String name(JsonNode answer) {
      return answer.path("name").asText(app);
    }
  }

  @Command(
      name = "pin",
      mixinStandardHelpOptions = true,
      description = {
        "Keep an app awake for a while (a demo, a migration), through the admin API of a running"
            + " Paastis.",
        "Wakes it when it sleeps, and waits until it runs. While pinned, it is stopped neither for"
            + " idleness nor by a keep_asleep window."
      })
  static final class Pin extends OnApp {

    @Option(
        names = "--for",
        required = true,
        paramLabel = "DURATION",
        description = "How long to keep it awake: 2h, 30m, 1d (a bare number is minutes).")
    String duration;

    @Override
    JsonNode send(AdminClient client, String path) {
      return client.post(path, Map.of("for", duration, "wait", "true"), true);
    }

    @Override
    String summary(JsonNode answer) {
      return name(answer)
          + " is "
          + AppsCommand.text(answer.path("state"))
          + ", pinned until "
          + AppsCommand.text(answer.path("pinned_until"));
    }
  }

  @Command(
      name = "unpin",
      mixinStandardHelpOptions = true,
      description = {
        "End an app's pin, through the admin API of a running Paastis: its idle time and"
            + " schedules apply again."
      })
  static final class Unpin extends OnApp {

    @Override
    JsonNode send(AdminClient client, String path) {
      return client.delete(path, Map.of());
    }

    @Override
    String summary(JsonNode answer) {
      return name(answer) + " is no longer pinned; it is " + AppsCommand.text(answer.path("state"));
    }
  }
}
