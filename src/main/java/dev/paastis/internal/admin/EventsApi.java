package dev.paastis.internal.admin;

import dev.paastis.events.Event;
import dev.paastis.events.EventCursor;
import dev.paastis.events.EventStore;
import dev.paastis.internal.events.EventFeed;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code /api/events}: the stored events with filters, and {@code /api/events/stream}, the new
 * events of this instance as server-sent events.
 */
final class EventsApi {

  static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

  private final Vertx vertx;
  private final EventStore store;
  private final EventFeed feed;

  EventsApi(Vertx vertx, EventStore store, EventFeed feed) {
    this.vertx = vertx;
    this.store = store;
    this.feed = feed;
  }

  void mount(Router router) {
    router.get("/api/events").handler(this::list);
    router.get("/api/events/stream").handler(this::stream);
  }

  private void list(RoutingContext context) {
    Responses.json(
        context,
        200,
        store
            .page(EventFilters.parse(context.queryParams()))
            .map(
                page ->
                    new JsonObject()
                        .put("events", EventJson.of(page.events()))
                        .put("next_cursor", page.next().map(EventCursor::encode).orElse(null))));
  }

  private void stream(RoutingContext context) {
    Optional<String> app =
        Optional.ofNullable(context.queryParams().get("app")).filter(a -> !a.isBlank());
    HttpServerResponse response = context.response();
    response
        .setChunked(true)
        .putHeader("content-type", "text/event-stream; charset=utf-8")
        .putHeader("cache-control", "no-store")
        .putHeader("x-accel-buffering", "no") // tells nginx-like fronts not to buffer the stream
        .write("retry: 2000\n: connected\n\n");
    Context loop = vertx.getOrCreateContext();
    Runnable unsubscribe =
        feed.subscribe(
            event -> {
              if (app.map(event.app()::equals).orElse(true)) {
                loop.runOnContext(ignored -> send(response, event));
              }
            });
    long keepAlive =
        vertx.setPeriodic(
            KEEP_ALIVE.toMillis(),
            id -> {
              if (!response.closed()) {
                response.write(": keep-alive\n\n");
              }
            });
    Runnable end = // idempotent: both the close and the shutdown may run it
        () -> {
          unsubscribe.run();
          vertx.cancelTimer(keepAlive);
        };
    response.closeHandler(closed -> end.run());
    if (response.closed()) { // closed before the handler was set: it will not be called
      end.run();
      return;
    }
    // The listener is stopping: end the stream now rather than at the end of the grace; the
    // client reconnects (retry: 2000) to the next instance.
    context
        .request()
        .connection()
        .shutdownHandler(
            stopping -> {
              end.run();
              if (!response.ended() && !response.closed()) {
                response.end();
              }
            });
  }

  /** A client that does not read is cut off; it reconnects and reloads what it missed. */
  private static void send(HttpServerResponse response, Event event) {
    if (response.closed() || response.ended()) {
      return;
    }
    if (response.writeQueueFull()) {
      response.reset();
      return;
    }
    response.write("data: " + EventJson.of(event).encode() + "\n\n");
  }
}
