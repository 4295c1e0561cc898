package dev.paastis.internal.proxy;

import dev.paastis.app.Rules;
import dev.paastis.config.ProxyTimeouts;
import dev.paastis.config.WakeStrategy;
import dev.paastis.internal.lifecycle.AppGate;
import java.util.Objects;

/**
 * What every proxy server instance works with, given by the composition root.
 *
 * @param apps finds, leases and wakes the apps requests are for
 * @param rules map a Host's app key to the app's settings
 * @param wakeStrategy who waits for a wake and who gets the waking page
 * @param systemRoutes the original's system API on the proxy port (or none)
 * @param timeouts the edge's timeouts
 */
public record ProxyParts(
    AppGate apps,
    Rules rules,
    WakeStrategy wakeStrategy,
    SystemRoutes systemRoutes,
    ProxyTimeouts timeouts) {

  public ProxyParts {
    Objects.requireNonNull(apps, "apps");
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(wakeStrategy, "wakeStrategy");
    Objects.requireNonNull(systemRoutes, "systemRoutes");
    Objects.requireNonNull(timeouts, "timeouts");
  }
}
