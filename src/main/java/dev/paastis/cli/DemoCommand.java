package dev.paastis.cli;

import dev.paastis.Paastis;
import dev.paastis.ProviderChoice;
import dev.paastis.config.LocalAppConfig;
import dev.paastis.demo.DemoApps;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
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
  static final int DEFAULT_ADMIN_PORT = 3001;

  @Mixin ServeOptions options = new ServeOptions();
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Path here = Path.of("").toAbsolutePath();
    List<LocalAppConfig> apps = new ArrayList<>();
    for (String name : APPS) {
      apps.add(DemoApps.demoApp(name, portOr(0), here));
    }
    Map<String, String> overrides = new LinkedHashMap<>();
    overrides.put("PROVIDER_NAME", "local");
    overrides.put("START_AND_STOP_MAX_IDLE_TIME", "30s");
    overrides.put("START_AND_STOP_CHECKING_INTERVAL_CRON", "*/5 * * * * *");
    overrides.putAll(adminListener(ProviderChoice.configLoader(System.getenv(), here).variables()));
    overrides.putAll(options.overrides());
    return Server.run(overrides, apps, paastis -> printTryIt(spec.commandLine().getOut(), paastis));
  }

  /**
   * The demo opens the admin listener (dashboard, API) unless the environment or {@code .env} says
   * otherwise: on 3001 when it is free, with a fresh token, both printed at startup.
   */
  static Map<String, String> adminListener(Map<String, String> variables) {
    Map<String, String> admin = new LinkedHashMap<>();
    if (variables.containsKey("ADMIN_ENABLED")) {
      return admin;
    }
    admin.put("ADMIN_ENABLED", "true");
    if (!variables.containsKey("ADMIN_PORT")) {
      admin.put("ADMIN_PORT", Integer.toString(portOr(DEFAULT_ADMIN_PORT)));
    }
    if (!variables.containsKey("ADMIN_API_TOKEN")) {
      byte[] token = new byte[12];
      new SecureRandom().nextBytes(token);
      admin.put("ADMIN_API_TOKEN", HexFormat.of().formatHex(token));
    }
    return admin;
  }

  private static void printTryIt(PrintWriter out, Paastis paastis) {
    int port = paastis.port();
    out.println();
    out.println("Paastis demo is running on port " + port + ". The apps " + APPS + " are asleep.");
    out.println("Wake one up (the first call waits while it starts):");
    out.println("  curl -i -H 'Host: hello.localhost' http://localhost:" + port + "/");
    out.println(
        "  curl -i -H 'Host: world.localhost' http://localhost:" + port + "/echo?from=curl");
    out.println("Or open http://hello.localhost:" + port + "/ in a browser.");
    out.println("After 30 s without requests they are stopped again (watch the log).");
    if (paastis.config().admin().enabled()) {
      String url = "http://" + paastis.config().admin().host() + ":" + paastis.adminPort() + "/";
      String token = paastis.config().admin().apiToken().orElseThrow().value();
      out.println("Dashboard: " + url + "  (token " + token + ")");
      out.println("Or from another terminal:");
      out.println("  PAASTIS_ADMIN_URL=" + url + " PAASTIS_ADMIN_TOKEN=" + token + " paastis apps");
    }
    out.println("Press Ctrl-C to stop Paastis and its apps.");
    out.println();
    out.flush();
  }

  /** The port when it is free, else any free one. */
  private static int portOr(int wanted) {
    try (ServerSocket socket = new ServerSocket(wanted)) {
      return socket.getLocalPort();
    } catch (IOException taken) {
      try (ServerSocket any = new ServerSocket(0)) {
        return any.getLocalPort();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
