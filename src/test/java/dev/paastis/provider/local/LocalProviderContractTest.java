package dev.paastis.provider.local;

import dev.paastis.app.Formation;
import dev.paastis.config.LocalAppConfig;
import dev.paastis.demo.DemoApps;
import dev.paastis.provider.Provider;
import dev.paastis.provider.ProviderContractTest;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The local provider passes the provider contract with a real demo app child process. */
class LocalProviderContractTest extends ProviderContractTest {

  @TempDir Path dir;
  private Vertx vertx;

  @Override
  protected Provider newProvider() {
    vertx = Vertx.vertx();
    LocalAppConfig demo = DemoApps.demoApp("contract", LocalTesting.freePort(), dir);
    return new LocalProvider(vertx, Duration.ofSeconds(30), List.of(demo));
  }

  @Override
  protected String stoppedApp() {
    return "contract";
  }

  @Override
  protected Formation formation() {
    return Formation.of(Map.of("web", 1));
  }

  /** The folder the app runs in disappears: spawning its command fails. */
  @Override
  protected void breakTheProvider() throws Exception {
    Files.delete(dir);
  }

  @Override
  protected void cleanUp() {
    vertx.close().await();
  }
}
