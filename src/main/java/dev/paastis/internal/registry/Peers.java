package dev.paastis.internal.registry;

import dev.paastis.app.ProviderApp;
import dev.paastis.events.Event;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The other Paastis instances that share the registry: which one leads (runs discovery, the idle
 * sweep and the provider listings, so that the providers' API budget is spent once), the events
 * each one hands the others as they happen, and the leader's last listings, which the others read
 * at their own ticks. Alone, an instance leads and shares with nobody.
 */
public interface Peers {

  /** One instance alone: it leads, and nobody listens. */
  Peers ALONE =
      new Peers() {
        @Override
        public boolean leads() {
          return true;
        }

        @Override
        public void share(Event event) {}

        @Override
        public void share(String provider, List<ProviderApp> listing) {}

        @Override
        public Future<Optional<List<ProviderApp>>> lastListing(String provider) {
          return Future.succeededFuture(Optional.empty());
        }

        @Override
        public void listen(Consumer<Event> listener) {}
      };

  /** Whether this instance leads now. */
  boolean leads();

  /** Hands an event of this instance to the others. Never fails nor blocks. */
  void share(Event event);

  /** Hands the leader's listing of a provider to the others. Never fails nor blocks. */
  void share(String provider, List<ProviderApp> listing);

  /** The last listing of a provider the leader shared; empty when there is none yet. */
  Future<Optional<List<ProviderApp>>> lastListing(String provider);

  /** Takes the events of the other instances (never this one's own), on a Vert.x thread. */
  void listen(Consumer<Event> listener);

  /** Takes leadership when free, subscribes to the news. */
  default Future<Void> start() {
    return Future.succeededFuture();
  }

  /** Leaves leadership and the news. Idempotent. */
  default Future<Void> close() {
    return Future.succeededFuture();
  }
}
