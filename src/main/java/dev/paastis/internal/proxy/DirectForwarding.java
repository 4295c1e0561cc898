package dev.paastis.internal.proxy;

import dev.paastis.app.AppSettings;
import dev.paastis.app.Rules;
import dev.paastis.internal.lifecycle.AppGate;
import dev.paastis.internal.lifecycle.Lease;
import dev.paastis.policy.IgnoredReason;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.impl.HttpServerConnection;
import io.vertx.core.http.impl.headers.HeadersAdaptor;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the hot path of one proxy instance (one event loop) shares between its client connections:
 * the routing to a leased app, the pool of upstream connections, the response deadlines. Puts a
 * {@link ClientConnection} in each new HTTP/1.x connection's pipeline.
 *
 * <p>Why Netty rather than the Vert.x HTTP server and client: with an app that answers at once,
 * their layers (a context and promises per request, RequestOptions, header maps copied between
 * Vert.x and Netty) cost a quarter more CPU per request than nginx (bench/RESULTS.md). Requests
 * that need more than a forward (a wake, the waking page, errors of the routing, WebSockets, the
 * system API) are rare and stay on Vert.x.
 *
 * <p>Event-loop confined.
 */
final class DirectForwarding {

  private static final String VERTX_HANDLER = "handler";

  private final AppGate apps;
  private final Rules rules;
  private final SystemRoutes systemRoutes;
  private final Drain drain;
  private final ResponseDeadlines deadlines;
  private final long responseTimeoutMillis;
  private final UpstreamPool pool;
  private final EventLoop eventLoop;
  private final boolean countsRequests;
  private final Map<URI, UpstreamOrigin> origins = new HashMap<>();

  DirectForwarding(
      ProxyParts parts,
      Drain drain,
      ResponseDeadlines deadlines,
      UpstreamPool pool,
      EventLoop eventLoop) {
    this.apps = parts.apps();
    this.rules = parts.rules();
    this.systemRoutes = parts.systemRoutes();
    this.drain = drain;
    this.deadlines = deadlines;
    this.responseTimeoutMillis = parts.timeouts().upstreamResponse().toMillis();
    this.pool = pool;
    this.eventLoop = eventLoop;
    this.countsRequests = apps.countsRequests();
  }

  /**
   * Called from the server's connection handler, before the connection's first read, after {@link
   * FramingGuard#install}.
   */
  void install(HttpConnection connection) {
    if (!(connection instanceof HttpServerConnection internal)) {
      return;
    }
    ChannelPipeline pipeline = internal.channelHandlerContext().pipeline();
    ResponseWatcher responses = pipeline.get(ResponseWatcher.class);
    if (responses == null || pipeline.get(VERTX_HANDLER) == null) {
      return; // not HTTP/1.x, which FramingGuard guards
    }
    ClientConnection client = new ClientConnection(this);
    responses.alsoTell(client);
    pipeline.addBefore(VERTX_HANDLER, ClientConnection.NAME, client);
  }

  /**
   * An exchange for a request to an app that serves now, holding its lease; null when the request
   * is not for an app (system API, no Host) or its app does not serve yet: Vert.x takes it then.
   */
  DirectExchange open(ClientConnection client, HttpRequest request) {
    MultiMap headers =
        request.headers() instanceof MultiMap map ? map : new HeadersAdaptor(request.headers());
    if (systemRoutes.handles(headers)) {
      return null;
    }
    String host = headers.get(HttpHeaderNames.HOST);
    Optional<String> key = HostRouting.appKey(host);
    if (key.isEmpty()) {
      return null;
    }
    AppSettings settings = rules.resolve(key.get());
    Optional<IgnoredReason> ignored =
        settings
            .policy()
            .wakeFilter()
            .classify(headers.get(HttpHeaderNames.USER_AGENT), WakeChecks.path(request.uri()));
    Optional<Lease> lease = apps.tryLease(settings.appName(), ignored.isEmpty());
    if (lease.isEmpty()) {
      return null;
    }
    ignored.ifPresent(apps::requestIgnored);
    try {
      UpstreamOrigin origin = origins.computeIfAbsent(lease.get().upstream(), UpstreamOrigin::new);
      return new DirectExchange(
          client, this, request, headers, host, settings.appName(), lease.get(), origin);
    } catch (RuntimeException e) {
      lease.get().release();
      throw e;
    }
  }

  void served(String app, int status, long durationNanos) {
    if (countsRequests) {
      apps.requestServed(app, status, durationNanos);
    }
  }

  boolean draining() {
    return drain.started();
  }

  long nanosUntilCut() {
    return drain.nanosUntilCut();
  }

  EventLoop eventLoop() {
    return eventLoop;
  }

  UpstreamPool pool() {
    return pool;
  }

  ResponseDeadlines deadlines() {
    return deadlines;
  }

  long responseTimeoutMillis() {
    return responseTimeoutMillis;
  }
}
