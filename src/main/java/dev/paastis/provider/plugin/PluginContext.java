package dev.paastis.provider.plugin;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link ProviderPlugin} gets to create its provider.
 *
 * @param vertx the Vert.x instance Paastis runs on: create HTTP clients on it, and never block its
 *     event loops (run blocking calls with {@link Vertx#executeBlocking})
 * @param settings the values of the plugin's variables, checked
 * @param clock the clock every block of Paastis reads (tests move it)
 * @param regions PROVIDER_REGION split on commas, empty for all regions
 */
public record PluginContext(
    Vertx vertx, PluginSettings settings, Clock clock, List<String> regions) {

  /** Checks that every part is given. */
  public PluginContext {
    Objects.requireNonNull(vertx, "vertx");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(clock, "clock");
    regions = List.copyOf(regions);
  }
}
