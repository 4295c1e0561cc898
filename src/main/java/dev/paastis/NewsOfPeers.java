package dev.paastis;

import dev.paastis.app.ProviderApp;
import dev.paastis.events.Event;
import dev.paastis.events.EventFeed;
import dev.paastis.events.EventStore;
import dev.paastis.lifecycle.AppLifecycle;
import dev.paastis.registry.Peers;
import java.util.List;

/**
 * What this instance does with the news of the others sharing its registry: their events reach its
 * live subscribers (the admin event stream shows every instance's) and change the state of the apps
 * they started or stopped; the leader's listings become this instance's read model.
 */
final class NewsOfPeers implements Peers.Listener {

  private final EventFeed feed;
  private final AppLifecycle lifecycle;

  private NewsOfPeers(EventFeed feed, AppLifecycle lifecycle) {
    this.feed = feed;
    this.lifecycle = lifecycle;
  }

  /**
   * Hands this instance the news of the others: through Redis when the registry is there (events
   * and listings); else, when the event history is shared, through it (events only: once, not
   * twice).
   */
  static void wire(Peers peers, EventStore events, EventFeed feed, AppLifecycle lifecycle) {
    if (peers == Peers.ALONE) {
      events.listenToOthers(feed::publish);
    } else {
      peers.listen(new NewsOfPeers(feed, lifecycle));
    }
  }

  @Override
  public void event(Event event) {
    lifecycle.happenedElsewhere(event);
    feed.publish(event);
  }

  @Override
  public void listed(String provider, List<ProviderApp> listing) {
    lifecycle.catalog().observe(provider, listing);
  }
}
