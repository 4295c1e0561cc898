package dev.paastis.internal.lifecycle;

import dev.paastis.app.ProviderApp;
import dev.paastis.provider.Deadline;
import dev.paastis.provider.Provider;
import dev.paastis.provider.RouterPages;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.Objects;

/**
 * Waits until an app is ready: the app itself answers at its web URL (an answer its platform's
 * router gives instead of the app, {@link RouterPages}, does not count), or, for an app without a
 * web URL, its provider reports it RUNNING.
 *
 * <p>The web URL, which costs nothing but a small request, is probed often where the app's answer
 * is expected, from the boot times learned on its previous wakes ({@link BootTimes}, {@link
 * ProbeSchedule}): the waiting request is served within a few tens of milliseconds of the app being
 * up, without waiting for the provider's next status. The provider's status, which may cost
 * rate-limited API calls, is read seldom: to fail the wait at once when the app FAILED, to confirm
 * an answer that may be the router's ({@link dev.paastis.provider.AnswerOrigin#UNCERTAIN}), and for
 * apps without a web URL.
 */
public final class ReadinessProbe {

  private final Vertx vertx;
  private final UpstreamCheck upstreamCheck;
  private final BootTimes bootTimes;
  private final Map<String, RouterPages> routerPages;

  /** Every provider's router pages are {@link RouterPages#GATEWAY_ERRORS}. */
  public ReadinessProbe(Vertx vertx, UpstreamCheck upstreamCheck) {
    this(vertx, upstreamCheck, new BootTimes(), Map.of());
  }

  /**
   * @param bootTimes where boots are learned, and read to schedule the probes
   * @param routerPages by provider name; a provider not named gets {@link
   *     RouterPages#GATEWAY_ERRORS}
   */
  public ReadinessProbe(
      Vertx vertx,
      UpstreamCheck upstreamCheck,
      BootTimes bootTimes,
      Map<String, RouterPages> routerPages) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.upstreamCheck = Objects.requireNonNull(upstreamCheck, "upstreamCheck");
    this.bootTimes = Objects.requireNonNull(bootTimes, "bootTimes");
    this.routerPages = Map.copyOf(routerPages);
  }

  /**
   * Completes with the app as last known once it is ready; fails with {@link WakeTimeoutException}
   * at the deadline, naming what was still missing, and with {@link StartFailedException} when the
   * provider reports the app FAILED. The provider's status calls are made with the deadline, so
   * that none outlives the wait. Futures complete on Vert.x threads.
   */
  public Future<ProviderApp> awaitReady(Provider provider, ProviderApp app, Deadline deadline) {
    return begin(provider, app, deadline, Future.succeededFuture(), false);
  }

  /**
   * {@link #awaitReady} for a boot whose start was just requested: {@code accepted} is the
   * provider's answer to that request. The web URL is probed at once (before the start is accepted
   * it is the router's page, which does not count; a slow acceptance, such as a Scalingo operation,
   * then delays nothing), the provider's status only once it accepted; a failed {@code accepted}
   * fails the wait with its cause. The boot's time is learned for the app's next wakes.
   */
  public Future<ProviderApp> awaitBoot(
      Provider provider, ProviderApp app, Deadline deadline, Future<Void> accepted) {
    return begin(provider, app, deadline, accepted, true);
  }

  /** The boots learned so far, for the pre-warm's lead. */
  public BootTimes bootTimes() {
    return bootTimes;
  }

  /** The probe schedule of the app's next boot, from its boots so far. */
  ProbeSchedule scheduleFor(String key) {
    return new ProbeSchedule(bootTimes.expected(key));
  }

  private Future<ProviderApp> begin(
      Provider provider, ProviderApp app, Deadline deadline, Future<Void> accepted, boolean boot) {
    RouterPages pages = routerPages.getOrDefault(provider.name(), RouterPages.GATEWAY_ERRORS);
    ReadinessWait wait =
        new ReadinessWait(
            vertx, upstreamCheck, pages, provider, app, deadline, scheduleFor(app.key()));
    Future<ProviderApp> ready = wait.begin(accepted);
    if (boot) {
      ready.onSuccess(done -> bootTimes.record(app.key(), wait.elapsed()));
    }
    return ready;
  }
}
