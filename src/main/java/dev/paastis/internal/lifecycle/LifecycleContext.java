package dev.paastis.internal.lifecycle;

import dev.paastis.app.Rules;
import dev.paastis.internal.registry.AppTracker;
import dev.paastis.internal.registry.Peers;
import dev.paastis.provider.Providers;
import dev.paastis.registry.Registry;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.Objects;

/**
 * The collaborators that waking and stopping share, wired once by the composition root.
 *
 * @param vertx runs the timers that end a wake at its deadline
 * @param providers the providers, metered
 * @param registry read for saved formations and the provider of an app
 * @param tracker the one writer of tracked apps
 * @param peers the other instances sharing the registry: a wake they claimed is awaited from their
 *     news
 */
public record LifecycleContext(
    Vertx vertx,
    Providers providers,
    Registry registry,
    AppTracker tracker,
    Peers peers,
    EventRecorder events,
    HookRunner hooks,
    ReadinessProbe readiness,
    Rules rules,
    IgnoredApps ignored,
    Clock clock,
    Metrics metrics) {

  public LifecycleContext {
    Objects.requireNonNull(vertx, "vertx");
    Objects.requireNonNull(providers, "providers");
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(tracker, "tracker");
    Objects.requireNonNull(peers, "peers");
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(hooks, "hooks");
    Objects.requireNonNull(readiness, "readiness");
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(ignored, "ignored");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(metrics, "metrics");
  }
}
