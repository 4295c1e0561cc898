package dev.paastis.internal.events.postgres;

import dev.paastis.events.Event;
import dev.paastis.internal.events.EventWire;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The events other instances write, as PostgreSQL announces them ({@code LISTEN paastis_events}; a
 * trigger notifies each new row). The connection is made again whenever it is lost.
 */
final class EventNotifications {

  private static final Logger LOG = LoggerFactory.getLogger(EventNotifications.class);
  static final String CHANNEL = "paastis_events";
  private static final long RETRY_MS = 2_000;

  private final Vertx vertx;
  private final PgSubscriber subscriber;
  private final String instanceId;
  private volatile boolean closed;
  private volatile boolean listened;

  EventNotifications(Vertx vertx, PgConnectOptions options, String instanceId) {
    this.vertx = vertx;
    this.instanceId = instanceId;
    this.subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> RETRY_MS);
  }

  /**
   * Calls {@code listener} with each event another instance writes, on a Vert.x thread, once {@link
   * #start} has connected.
   */
  void listen(Consumer<Event> listener) {
    listened = true;
    subscriber
        .channel(CHANNEL)
        .handler(
            payload -> {
              try {
                JsonObject json = new JsonObject(payload);
                if (!instanceId.equals(json.getString("instance"))) {
                  listener.accept(EventWire.fromJson(json));
                }
              } catch (RuntimeException e) {
                LOG.warn("an event notification could not be read: {}", e.getMessage());
              }
            });
  }

  /** Connects when someone listens; retries until the database answers. */
  void start() {
    if (listened) {
      connect();
    }
  }

  private void connect() {
    if (closed) {
      return;
    }
    subscriber
        .connect()
        .onFailure(
            failure -> {
              LOG.debug("LISTEN {} failed: {}", CHANNEL, failure.getMessage());
              vertx.setTimer(RETRY_MS, id -> connect());
            });
  }

  void close() {
    closed = true;
    subscriber.close();
  }
}
