package dev.paastis.admin;

import dev.paastis.app.Rules;
import dev.paastis.events.EventFeed;
import dev.paastis.events.EventStore;
import dev.paastis.lifecycle.AppCatalog;
import dev.paastis.lifecycle.AppLifecycle;
import dev.paastis.provider.Providers;
import dev.paastis.registry.Registry;
import io.vertx.core.Vertx;
import java.time.Clock;

/** The route groups of the admin listener, built from the engine's blocks. */
public final class AdminApi {

  private final Health health;
  private final AppsApi apps;
  private final EventsApi events;

  public AdminApi(
      Vertx vertx,
      Providers providers,
      AppCatalog catalog,
      Registry registry,
      EventStore eventStore,
      EventFeed feed,
      AppLifecycle lifecycle,
      Rules rules,
      Clock clock) {
    this.health = new Health(vertx, registry, eventStore, providers, catalog);
    this.apps =
        new AppsApi(
            new AppViews(catalog, registry, eventStore, lifecycle, rules, clock), lifecycle);
    this.events = new EventsApi(vertx, eventStore, feed);
  }

  Health health() {
    return health;
  }

  AppsApi apps() {
    return apps;
  }

  EventsApi events() {
    return events;
  }
}
