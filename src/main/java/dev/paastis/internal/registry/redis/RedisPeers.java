package dev.paastis.internal.registry.redis;

import dev.paastis.app.ProviderApp;
import dev.paastis.events.Event;
import dev.paastis.internal.events.EventWire;
import dev.paastis.internal.registry.Peers;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The instances sharing one Redis: leadership ({@link RedisLeader}), each event published on one
 * pub/sub channel as it happens, and the leader's last listing of each provider in a key, which the
 * others read at their ticks (an instance starting later too). The subscription is made again after
 * Redis comes back; events published meanwhile are missed by that instance's live stream, and the
 * next listing makes good the apps' states.
 */
final class RedisPeers implements Peers {

  private static final Logger LOG = LoggerFactory.getLogger(RedisPeers.class);
  private static final long RESUBSCRIBE_DELAY_MS = 1_000;

  private final Vertx vertx;
  private final RedisRegistry store;
  private final String instanceId;
  private final RedisLeader leader;
  private volatile Consumer<Event> listener;
  private volatile RedisConnection subscription;
  private volatile boolean closed;

  RedisPeers(Vertx vertx, RedisRegistry store, String instanceId, RedisLeader leader) {
    this.vertx = vertx;
    this.store = store;
    this.instanceId = instanceId;
    this.leader = leader;
  }

  @Override
  public boolean leads() {
    return leader.leads();
  }

  @Override
  public void share(Event event) {
    publish(news("event").put("event", EventWire.toJson(event)));
  }

  @Override
  public void share(String provider, List<ProviderApp> listing) {
    store
        .redis()
        .send(
            Request.cmd(Command.SET)
                .arg(store.keys().listing(provider))
                .arg(NewsJson.listing(listing).encode()))
        .onFailure(
            failure -> LOG.debug("listing of {} not shared: {}", provider, failure.getMessage()));
  }

  @Override
  public Future<Optional<List<ProviderApp>>> lastListing(String provider) {
    return store
        .redis()
        .send(Request.cmd(Command.GET).arg(store.keys().listing(provider)))
        .map(
            stored ->
                Optional.ofNullable(stored)
                    .map(raw -> NewsJson.listing(new JsonArray(raw.toString()))));
  }

  @Override
  public void listen(Consumer<Event> listener) {
    this.listener = listener;
  }

  @Override
  public Future<Void> start() {
    subscribe();
    return leader.start();
  }

  @Override
  public Future<Void> close() {
    closed = true;
    RedisConnection connection = subscription;
    Future<Void> unsubscribed =
        connection == null ? Future.succeededFuture() : connection.close().otherwiseEmpty();
    return unsubscribed.eventually(leader::close);
  }

  private JsonObject news(String kind) {
    return new JsonObject().put("from", instanceId).put("kind", kind);
  }

  private void publish(JsonObject news) {
    store
        .redis()
        .send(Request.cmd(Command.PUBLISH).arg(store.keys().news()).arg(news.encode()))
        .onFailure(failure -> LOG.debug("news not shared: {}", failure.getMessage()));
  }

  private void subscribe() {
    if (closed) {
      return;
    }
    store
        .redis()
        .connect()
        .compose(
            connection -> {
              subscription = connection;
              connection.handler(this::received);
              connection.endHandler(ended -> resubscribeLater());
              connection.exceptionHandler(failure -> connection.close());
              return connection.send(Request.cmd(Command.SUBSCRIBE).arg(store.keys().news()));
            })
        .onSuccess(subscribed -> LOG.debug("subscribed to {}", store.keys().news()))
        .onFailure(
            failure -> {
              LOG.debug("news subscription failed: {}", failure.getMessage());
              resubscribeLater();
            });
  }

  private void resubscribeLater() {
    subscription = null;
    if (!closed) {
      vertx.setTimer(RESUBSCRIBE_DELAY_MS, id -> subscribe());
    }
  }

  /** A pub/sub message is ["message", channel, payload], in RESP2 and RESP3 alike. */
  private void received(Response message) {
    if (message == null || message.size() != 3 || !"message".equals(message.get(0).toString())) {
      return;
    }
    Consumer<Event> current = listener;
    try {
      JsonObject news = new JsonObject(message.get(2).toString());
      if (current == null || instanceId.equals(news.getString("from"))) {
        return;
      }
      if ("event".equals(news.getString("kind"))) {
        current.accept(EventWire.fromJson(news.getJsonObject("event")));
      }
    } catch (RuntimeException e) {
      LOG.warn("news from another instance could not be read: {}", e.getMessage());
    }
  }
}
