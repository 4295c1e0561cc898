package dev.paastis;

import dev.paastis.events.EventStore;
import dev.paastis.internal.events.EventFeed;
import dev.paastis.internal.lifecycle.AppLifecycle;
import dev.paastis.internal.registry.Peers;

/**
 * What this instance does with the events of the others: they reach its live subscribers (the admin
 * event stream shows every instance's) and change the state of the apps they started or stopped.
 * The leader's listings are read by the scheduler's tick.
 */
final class NewsOfPeers {

  private NewsOfPeers() {}

  /**
   * Hands this instance the events of the others: through Redis when the registry is there (they
   * also change the state of the apps they started or stopped); else, when the event history is
   * shared, through it (once, not twice).
   */
  static void wire(Peers peers, EventStore events, EventFeed feed, AppLifecycle lifecycle) {
    if (peers == Peers.ALONE) {
      events.listenToOthers(feed::publish);
    } else {
      peers.listen(
          event -> {
            lifecycle.happenedElsewhere(event);
            feed.publish(event);
          });
    }
  }
}
