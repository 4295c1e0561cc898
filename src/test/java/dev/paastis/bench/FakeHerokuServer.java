package dev.paastis.bench;

import dev.paastis.provider.heroku.FakeHerokuApi;
import dev.paastis.testing.LoopbackServer;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The fake Heroku Platform API as a process of its own, for {@code bench/scale.sh}: an account of
 * {@code apps} running apps ({@code app-00000}…, formation {@code web=1}, dynos up) whose {@code
 * web_url} is one fast local upstream answering {@code 200 ok}. {@code GET /apps} pages as Heroku
 * does (Range / Next-Range, 206, 200 by default, 1000 at most). The rate-limit pool starts at
 * {@code budget} tokens and is never refilled, so that {@code GET /account/rate-limits} (free)
 * tells how many calls Paastis made.
 *
 * <p>Usage: {@code FakeHerokuServer <apps> <budget> <token>}; prints {@code heroku <port>} and
 * {@code upstream <port>}, then serves until killed.
 */
public final class FakeHerokuServer {

  private FakeHerokuServer() {}

  public static void main(String[] args) throws InterruptedException {
    if (args.length != 3) {
      System.err.println("usage: FakeHerokuServer <apps> <budget> <token>");
      System.exit(2);
    }
    int apps = Integer.parseInt(args[0]);
    int budget = Integer.parseInt(args[1]);
    Vertx vertx = Vertx.vertx();
    LoopbackServer upstream =
        LoopbackServer.start(
            vertx, request -> request.response().putHeader("content-type", "text/plain").end("ok"));
    FakeHerokuApi heroku = FakeHerokuApi.start(vertx, args[2]);
    heroku.setRemaining(budget);
    String webUrl = upstream.uri() + "/";
    for (int i = 0; i < apps; i++) {
      heroku.addApp(String.format("app-%05d", i), "us", webUrl, Map.of("web", 1));
    }
    System.out.println("heroku " + heroku.baseUrl().getPort());
    System.out.println("upstream " + upstream.port());
    System.out.flush();
    new CountDownLatch(1).await();
  }
}
