package dev.paastis.internal.admin;

import dev.paastis.app.ProviderApp;
import dev.paastis.app.Rules;
import dev.paastis.events.EventStore;
import dev.paastis.internal.events.EventFeed;
import dev.paastis.internal.lifecycle.AppCatalog;
import dev.paastis.internal.lifecycle.AppLifecycle;
import dev.paastis.provider.Providers;
import dev.paastis.registry.Registry;
import io.vertx.core.Vertx;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/** The route groups of the admin listener, built from the engine's blocks. */
public final class AdminApi {

  private final Health health;
  private final AppsApi apps;
  private final EventsApi events;
  private final SavingsApi savings;

  /**
   * What the admin API reads and acts on.
   *
   * @param providers the (metered) providers, for health
   * @param feed the live events, for the event stream
   * @param lifecycle starts and stops apps; its catalog is the app state the API shows
   * @param clock for idle times and the hours slept
   * @param eventsRetention how long the event store keeps events: the longest savings window
   * @param costPerHour an app's cost per hour while awake, by app key (empty when no rule sets
   *     one), for the savings
   */
  public record Sources(
      Providers providers,
      Registry registry,
      EventStore eventStore,
      EventFeed feed,
      AppLifecycle lifecycle,
      Rules rules,
      Clock clock,
      Duration eventsRetention,
      Function<String, Optional<BigDecimal>> costPerHour) {}

  public AdminApi(Vertx vertx, Sources sources) {
    AppCatalog catalog = sources.lifecycle().catalog();
    this.health =
        new Health(vertx, sources.registry(), sources.eventStore(), sources.providers(), catalog);
    this.apps =
        new AppsApi(
            new AppViews(
                catalog,
                sources.registry(),
                sources.eventStore(),
                sources.lifecycle(),
                sources.rules(),
                sources.clock()),
            sources.lifecycle());
    this.events = new EventsApi(vertx, sources.eventStore(), sources.feed());
    this.savings =
        new SavingsApi(
            sources.registry(),
            () -> catalog.all().stream().map(ProviderApp::key).toList(),
            sources.eventStore(),
            sources.costPerHour(),
            sources.eventsRetention(),
            sources.clock());
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

  SavingsApi savings() {
    return savings;
  }
}
