package dev.paastis.cli;

import dev.paastis.config.LocalAppConfig;
import dev.paastis.provider.local.DemoApps;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code paastis demo}: the whole product on one machine, no account and no file needed. Two demo
 * apps run as child processes of this jar; they sleep after 30 s idle and wake on the next request.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Run Paastis with two local demo apps (30 s idle time, a tick every 5 s) and print the"
            + " commands to try.")
final class DemoCommand implements Callable<Integer> {

  static final List<String> APPS = List.of("hello", "world");

  @Mixin ServeOptions options = new ServeOptions();
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Path here = Path.of("").toAbsolutePath();
    List<LocalAppConfig> apps = new ArrayList<>();
    for (String name : APPS) {
      apps.add(DemoApps.demoApp(name, freePort(), here));
    }
    Map<String, String> overrides = new LinkedHashMap<>();
    overrides.put("PROVIDER_NAME", "local");
    overrides.put("START_AND_STOP_MAX_IDLE_TIME", "30s");
    overrides.put("START_AND_STOP_CHECKING_INTERVAL_CRON", "*/5 * * * * *");
    overrides.putAll(options.overrides());
    return Server.run(overrides, apps, port -> printTryIt(spec.commandLine().getOut(), port));
  }

  private static void printTryIt(PrintWriter out, int port) {
    out.println();
    out.println("Paastis demo is running on port " + port + ". The apps " + APPS + " are asleep.");
    out.println("Wake one up (the first call waits while it starts):");
    out.println("  curl -i -H 'Host: hello.localhost' http://localhost:" + port + "/");
    out.println(
        "  curl -i -H 'Host: world.localhost' http://localhost:" + port + "/echo?from=curl");
    out.println("Or open http://hello.localhost:" + port + "/ in a browser.");
    out.println("After 30 s without requests they are stopped again (watch the log).");
    out.println("Press Ctrl-C to stop Paastis and its apps.");
    out.println();
    out.flush();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
