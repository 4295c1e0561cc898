package dev.paastis.provider.local;

import dev.paastis.app.Formation;
import dev.paastis.config.LocalAppConfig;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A JVM that starts a local app and exits without closing the provider: only the shutdown hook can
 * end the child. Run by {@link ShutdownHookTest}; the argument is the child's working directory,
 * where it writes its pid.
 */
public final class ExitingParent {

  private ExitingParent() {}

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    LocalAppConfig app =
        new LocalAppConfig(
            "orphan",
            "echo $$ > pid; exec sleep 60",
            LocalTesting.freePort(),
            "/",
            Map.of(),
            Duration.ofSeconds(1),
            dir);
    LocalProvider provider = new LocalProvider(Vertx.vertx(), Duration.ofSeconds(30), List.of(app));
    LocalTesting.join(provider.start("orphan", Formation.DEFAULT));
    LocalTesting.awaitPid(dir.resolve("pid"));
    System.exit(0);
  }
}
