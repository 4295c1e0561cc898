package dev.paastis.internal.scheduler;

import dev.paastis.app.ProviderApp;
import dev.paastis.app.Rules;
import dev.paastis.app.SleepPolicy;
import dev.paastis.events.EventType;
import dev.paastis.internal.lifecycle.AppCatalog;
import dev.paastis.internal.lifecycle.BusyProbe;
import dev.paastis.internal.lifecycle.EventRecorder;
import dev.paastis.internal.lifecycle.StopReason;
import dev.paastis.internal.lifecycle.StopVetoes;
import dev.paastis.internal.lifecycle.Stopper;
import io.vertx.core.Future;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops an idle app, first asking it whether it is busy when its rule has a {@code busy_probe}: a
 * busy app (409 or 423) is left awake for {@code busy_retry} and an APP_STOP_VETOED event recorded;
 * any other answer, or none in time, lets the stop go on. Only idle stops are vetoed: schedules and
 * manual stops are not.
 */
final class IdleStops {

  private static final Logger LOG = LoggerFactory.getLogger(IdleStops.class);

  private final Stopper stopper;
  private final BusyProbe busyProbe;
  private final StopVetoes vetoes;
  private final AppCatalog catalog;
  private final Rules rules;
  private final EventRecorder events;
  private final Clock clock;

  IdleStops(
      Stopper stopper,
      BusyProbe busyProbe,
      StopVetoes vetoes,
      AppCatalog catalog,
      Rules rules,
      EventRecorder events,
      Clock clock) {
    this.stopper = stopper;
    this.busyProbe = busyProbe;
    this.vetoes = vetoes;
    this.catalog = catalog;
    this.rules = rules;
    this.events = events;
    this.clock = clock;
  }

  /** Whether a busy answer still keeps the app awake at {@code now}. */
  boolean vetoed(String key, Instant now) {
    return vetoes.at(key, now).isPresent();
  }

  /** Completes with true when the app was stopped. */
  Future<Boolean> stop(String key) {
    SleepPolicy policy = rules.resolve(key).policy();
    Optional<URI> upstream = catalog.get(key).flatMap(ProviderApp::upstream);
    if (policy.busyProbe().isEmpty() || upstream.isEmpty()) {
      return stopIdle(key);
    }
    String path = policy.busyProbe().get();
    return busyProbe
        .ask(upstream.get(), path, policy.busyProbeTimeout())
        .compose(
            answer -> {
              if (!answer.busy()) {
                LOG.debug("app {} is not busy ({} at {}): stopping it", key, answer.said(), path);
                return stopIdle(key);
              }
              Instant until = clock.instant().plus(policy.busyRetry());
              vetoes.veto(key, until);
              LOG.info(
                  "app {} is busy ({} at {}): not stopped before {}",
                  key,
                  answer.said(),
                  path,
                  until);
              String provider = catalog.get(key).map(ProviderApp::provider).orElse("");
              events.record(
                  EventType.APP_STOP_VETOED,
                  key,
                  provider,
                  Map.of("until", until.toString(), "answer", answer.said()));
              return Future.succeededFuture(false);
            });
  }

  private Future<Boolean> stopIdle(String key) {
    return stopper
        .stop(key, StopReason.IDLE)
        .onSuccess(
            stopped -> {
              if (stopped) {
                vetoes.clear(key);
              }
            });
  }
}
