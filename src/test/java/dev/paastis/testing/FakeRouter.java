package dev.paastis.testing;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A PaaS router in front of one app's web URL, on a real loopback HTTP server: the platform's own
 * page while the app cannot serve, requests held while the platform would hold them, and the app's
 * own answer (a small echo app) once it is up. The fake API that owns it calls {@link #changed()}
 * whenever the app's state changes, so that held requests move on and the router knows the moment
 * the app became able to answer.
 *
 * <p>{@code routing} reads the fake's state; it is never called with this router's lock held.
 */
public final class FakeRouter implements AutoCloseable {

  /** A page the router answers on its own, instead of the app. */
  public record Page(int status, Map<String, String> headers, String body) {}

  /** What the router does with a request now. */
  public record Route(Kind kind, Page page, Duration holdAtMost) {

    public enum Kind {
      APP,
      PAGE,
      HOLD
    }

    public static Route app() {
      return new Route(Kind.APP, null, Duration.ZERO);
    }

    public static Route page(Page page) {
      return new Route(Kind.PAGE, page, Duration.ZERO);
    }

    /** Held until the route changes; answered {@code then} after {@code atMost}. */
    public static Route hold(Duration atMost, Page then) {
      return new Route(Kind.HOLD, then, atMost);
    }
  }

  /** A request and the context it came on: it is answered there, whatever thread notices. */
  private record Held(HttpServerRequest request, Context context, long sinceNanos) {}

  private final Vertx vertx;
  private final String app;
  private final Supplier<Route> routing;
  private final Map<String, String> onEveryAnswer;
  private final List<Held> held = new ArrayList<>();
  private final AtomicInteger appAnswers = new AtomicInteger();
  private final AtomicInteger pages = new AtomicInteger();
  private LoopbackServer server;
  private long timer = -1;

  /** Guarded by {@code this}; -1 while the app cannot answer. */
  private long appUpSinceNanos = -1;

  private FakeRouter(
      Vertx vertx, String app, Supplier<Route> routing, Map<String, String> onEveryAnswer) {
    this.vertx = vertx;
    this.app = app;
    this.routing = routing;
    this.onEveryAnswer = Map.copyOf(onEveryAnswer);
  }

  /**
   * Listens on 127.0.0.1, port 0, for the app named {@code app}; {@code onEveryAnswer} are the
   * headers the router adds to every answer, the app's included (such as {@code Via}).
   */
  public static FakeRouter start(
      Vertx vertx, String app, Supplier<Route> routing, Map<String, String> onEveryAnswer) {
    FakeRouter router = new FakeRouter(vertx, app, routing, onEveryAnswer);
    router.server = LoopbackServer.start(vertx, router::handle);
    router.changed();
    return router;
  }

  /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
  public URI uri() {
    return server.uri();
  }

  /** The app's state changed: held requests are routed again. */
  public void changed() {
    boolean up = routing.get().kind() == Route.Kind.APP;
    List<Held> waiting;
    synchronized (this) {
      if (!up) {
        appUpSinceNanos = -1;
      } else if (appUpSinceNanos < 0) {
        appUpSinceNanos = System.nanoTime();
      }
      waiting = List.copyOf(held);
      held.clear();
    }
    waiting.forEach(request -> request.context().runOnContext(ignored -> route(request)));
  }

  /** Since when ({@link System#nanoTime()}) the app can answer; empty while it cannot. */
  public synchronized OptionalLong appUpSinceNanos() {
    return appUpSinceNanos < 0 ? OptionalLong.empty() : OptionalLong.of(appUpSinceNanos);
  }

  /** Requests the app answered. */
  public int appAnswers() {
    return appAnswers.get();
  }

  /** Requests the router answered with its own page. */
  public int pagesServed() {
    return pages.get();
  }

  @Override
  public void close() {
    synchronized (this) {
      if (timer >= 0) {
        vertx.cancelTimer(timer);
      }
    }
    server.close();
  }

  private void handle(HttpServerRequest request) {
    request.pause();
    route(new Held(request, vertx.getOrCreateContext(), System.nanoTime()));
  }

  private void route(Held request) {
    Route route = routing.get();
    switch (route.kind()) {
      case APP -> answerAsApp(request.request());
      case PAGE -> answer(request.request(), route.page());
      case HOLD -> hold(request, route);
    }
  }

  private void hold(Held request, Route route) {
    if (System.nanoTime() - request.sinceNanos() >= route.holdAtMost().toNanos()) {
      answer(request.request(), route.page());
      return;
    }
    synchronized (this) {
      held.add(request);
      // a held request past its limit is answered at the next look, every 100 ms
      if (timer < 0) {
        timer = vertx.setPeriodic(100, id -> changed());
      }
    }
  }

  private void answer(HttpServerRequest request, Page page) {
    pages.incrementAndGet();
    HttpServerResponse response = request.response().setStatusCode(page.status());
    onEveryAnswer.forEach(response::putHeader);
    page.headers().forEach(response::putHeader);
    request.resume();
    request.end().onComplete(done -> response.end(page.body()));
  }

  /** The app: 200 with its name, the method and the path, as JSON. */
  private void answerAsApp(HttpServerRequest request) {
    appAnswers.incrementAndGet();
    HttpServerResponse response = request.response();
    onEveryAnswer.forEach(response::putHeader);
    Handler<Void> reply =
        done ->
            response
                .putHeader("Content-Type", "application/json")
                .end(
                    new JsonObject()
                        .put("app", app)
                        .put("method", request.method().name())
                        .put("path", request.path())
                        .encode());
    request.resume();
    request.end().onComplete(done -> reply.handle(null));
  }

  @Override
  public String toString() {
    return "router of " + Objects.toString(app);
  }
}
