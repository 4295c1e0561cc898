package dev.paastis.internal.proxy;

import dev.paastis.internal.lifecycle.Lease;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetSocket;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Relays bytes both ways between a client's socket and an app's, each way with back-pressure: while
 * one side does not read (its write queue is full), the other is not read either, so nothing piles
 * up in Paastis and the sender's own writes stall. When either side closes, what it sent that still
 * waits is passed on, both sockets are closed and the lease is released, once.
 *
 * <p>Both sockets must deliver their events on the same event loop, the caller's.
 */
final class Splice {

  private static final Logger LOG = LoggerFactory.getLogger(Splice.class);

  private final NetSocket client;
  private final NetSocket app;
  private final Lease lease;
  private final AtomicBoolean closing = new AtomicBoolean();

  private Splice(NetSocket client, NetSocket app, Lease lease) {
    this.client = client;
    this.app = app;
    this.lease = lease;
  }

  /** Starts relaying; {@code app} may be paused. */
  static void between(NetSocket client, NetSocket app, Lease lease) {
    new Splice(client, app, lease).start();
  }

  private void start() {
    relay(client, app);
    relay(app, client);
    client.closeHandler(closed -> close(client, app));
    app.closeHandler(closed -> close(app, client));
    // a reset or a failed write ends in a close, handled above
    client.exceptionHandler(failure -> LOG.debug("WebSocket client side: {}", failure.toString()));
    app.exceptionHandler(failure -> LOG.debug("WebSocket app side: {}", failure.toString()));
    // A tunnel never ends by itself: when the proxy drains, close it at once rather than hold the
    // stop for the whole grace (bytes carry no frame boundary to slip a close frame in at; the
    // client sees the connection end and reconnects, to the next instance)
    client.shutdownHandler(draining -> client.close());
    app.resume();
  }

  private static void relay(NetSocket from, NetSocket to) {
    from.handler(
        bytes -> {
          to.write(bytes);
          if (to.writeQueueFull()) {
            from.pause();
            to.drainHandler(drained -> from.resume());
          }
        });
  }

  private void close(NetSocket closed, NetSocket other) {
    if (!closing.compareAndSet(false, true)) {
      return;
    }
    lease.release();
    // What the closed side sent last may wait, read but held while the other side was not draining:
    // pass it on (it is in memory already), then close once that is written.
    closed.handler(other::write);
    closed.resume();
    // the resumed socket delivers in a task of this event loop: close in a task queued after it
    Vertx.currentContext()
        .runOnContext(
            written -> {
              client.close();
              app.close();
            });
  }
}
