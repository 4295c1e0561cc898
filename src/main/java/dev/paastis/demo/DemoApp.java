package dev.paastis.demo;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.BindException;
import java.util.concurrent.TimeUnit;

/**
 * A tiny HTTP app run by {@code paastis demo} (as child processes of the same jar) and by the
 * end-to-end tests as a real upstream. Routes: {@code /}, {@code /health}, {@code /echo}, {@code
 * /download?bytes=N}, {@code /slow?ms=N}, {@code /sse?count=N&intervalMs=M}, {@code /busy} (423
 * Locked while the file given with {@code --busy-file} exists, 200 otherwise: what a rule's {@code
 * busy_probe} asks), WebSocket {@code /ws}.
 *
 * <p>Prints {@code DemoApp <name> listening on <port>} once bound; exits 1 when the port is taken,
 * 2 on bad arguments.
 */
public final class DemoApp {

  private static final long CLOSE_TIMEOUT_SECONDS = 5;

  private DemoApp() {}

  public static void main(String[] args) {
    DemoArgs demo;
    try {
      demo = DemoArgs.parse(args, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("DemoApp: " + e.getMessage() + "\n" + DemoArgs.USAGE);
      System.exit(2);
      return;
    }
    Vertx vertx = Vertx.vertx();
    try {
      HttpServer server =
          DemoServer.start(vertx, demo.name(), demo.port(), demo.busyFile()).await();
      // the epoch milliseconds let bench/run.sh measure the wake overhead after the app is up
      System.out.println(
          "DemoApp "
              + demo.name()
              + " listening on "
              + server.actualPort()
              + " at "
              + System.currentTimeMillis());
    } catch (Exception e) { // await() rethrows the cause as is, checked or not
      System.err.println("DemoApp " + demo.name() + ": " + bindFailure(demo.port(), e));
      System.exit(1);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(vertx), "demo-shutdown"));
  }

  private static String bindFailure(int port, Throwable e) {
    if (e instanceof BindException) {
      return "port " + port + " is already in use";
    }
    return "cannot listen on port " + port + ": " + e;
  }

  private static void closeQuietly(Vertx vertx) {
    try {
      vertx.close().await(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      System.err.println("DemoApp: could not close cleanly: " + e);
    }
  }
}
