package dev.paastis.internal.proxy;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;

/**
 * Requests on the proxy port that are for Paastis itself rather than for an app: the original's
 * system API. The composition root wires its implementation, so that the edge does not depend on
 * the admin package.
 *
 * <p>Both methods run on the proxy's event loop, for every request: {@link #handles} must be a
 * cheap look at the headers, and {@link #handle} must not block.
 */
public interface SystemRoutes {

  /**
   * Whether a request with these headers is for these routes rather than for an app. Asked by both
   * the Netty hot path and the Vert.x server, hence headers only.
   */
  boolean handles(MultiMap headers);

  /** Answers a request that {@link #handles} accepted. */
  void handle(HttpServerRequest request);
}
