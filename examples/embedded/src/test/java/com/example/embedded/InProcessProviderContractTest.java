package com.example.embedded;

import dev.paastis.app.Formation;
import dev.paastis.provider.Provider;
import dev.paastis.provider.ProviderContractTest;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** The provider contract suite from Paastis's test jar, run on this project's provider. */
class InProcessProviderContractTest extends ProviderContractTest {

  private final Vertx vertx = Vertx.vertx();
  private int port;
  private ServerSocket squatter;

  @Override
  protected Provider newProvider() throws IOException {
    port = freePort();
    return new InProcessProvider(vertx, Map.of("hello", port), Duration.ofSeconds(5));
  }

  @Override
  protected String stoppedApp() {
    return "hello";
  }

  @Override
  protected Formation formation() {
    return Formation.of(Map.of("web", 2));
  }

  /** Another process on the app's port: the app cannot listen. */
  @Override
  protected void breakTheProvider() throws IOException {
    squatter = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
  }

  @Override
  protected void cleanUp() throws IOException {
    if (squatter != null) {
      squatter.close();
    }
    vertx.close().await();
  }

  /**
   * A free port below Linux's ephemeral range (32768 and up): a port the system handed out once
   * could be handed out again, to any outgoing connection, while the app is stopped.
   */
  static int freePort() throws IOException {
    for (int attempt = 0; attempt < 100; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(20_000, 32_000);
      try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        return port;
      } catch (IOException taken) {
        // try another
      }
    }
    throw new IOException("no free port between 20000 and 32000");
  }
}
