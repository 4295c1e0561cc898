package dev.paastis.internal.lifecycle;

import dev.paastis.app.AppState;
import dev.paastis.app.ProviderApp;
import dev.paastis.provider.AnswerOrigin;
import dev.paastis.provider.Deadline;
import dev.paastis.provider.Provider;
import dev.paastis.provider.RouterPages;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * One wait of {@link ReadinessProbe} for one app: a probe loop on its web URL, one probe in flight
 * at a time, paced by a {@link ProbeSchedule}; a status loop on its provider; both stop once the
 * promise is complete. Callbacks come on any thread: the fields they share are volatile, and every
 * completion is a {@code try}, so that a race ends the wait once.
 */
final class ReadinessWait {

  /**
   * Apps with a web URL: the status tells FAILED apart, which takes seconds to show anyway; not
   * before half the expected boot, when there is one, nor around its expected end.
   */
  static final Duration FIRST_STATUS_WITH_URL = Duration.ofSeconds(1);

  static final Duration MAX_STATUS_WITH_URL = Duration.ofSeconds(8);

  /** Apps without a web URL (workers): the status is all there is to wait for. */
  static final Duration FIRST_STATUS_WITHOUT_URL = Duration.ofMillis(100);

  static final Duration MAX_STATUS_WITHOUT_URL = Duration.ofSeconds(2);

  /**
   * Just past the expected end of a boot, an uncertain answer asks the provider at once, but not
   * more often than this; elsewhere the status loop answers it. Before that time such an answer is
   * most likely the router's page for the stopped app, and a boot of minutes (a Clever Cloud
   * redeploy) must not cost a status reading, three API calls, every half second.
   */
  static final Duration CONFIRM_INTERVAL = Duration.ofMillis(500);

  private final Vertx vertx;
  private final UpstreamCheck check;
  private final RouterPages pages;
  private final Provider provider;
  private final ProviderApp app;
  private final Deadline deadline;
  private final ProbeSchedule schedule;
  private final long startedNanos = System.nanoTime();
  private final Promise<ProviderApp> ready = Promise.promise();

  private volatile URI probed;
  private volatile boolean accepted;
  private volatile ProviderApp running;
  private volatile Optional<AnswerOrigin> lastAnswer = Optional.empty();
  private volatile Throwable lastStatusFailure;
  private volatile long lastConfirmNanos = Long.MIN_VALUE / 2;

  ReadinessWait(
      Vertx vertx,
      UpstreamCheck check,
      RouterPages pages,
      Provider provider,
      ProviderApp app,
      Deadline deadline,
      ProbeSchedule schedule) {
    this.vertx = vertx;
    this.check = check;
    this.pages = pages;
    this.provider = provider;
    this.app = app;
    this.deadline = deadline;
    this.schedule = schedule;
  }

  /** Starts both loops; the status loop once {@code acceptedStart} succeeded. */
  Future<ProviderApp> begin(Future<Void> acceptedStart) {
    long timer =
        vertx.setTimer(Math.max(1, deadline.left().toMillis()), id -> ready.tryFail(timedOut()));
    ready.future().onComplete(done -> vertx.cancelTimer(timer));
    app.upstream().ifPresent(this::probeFrom);
    acceptedStart.onComplete(
        result -> {
          if (result.failed()) {
            ready.tryFail(result.cause());
            return;
          }
          accepted = true;
          pollStatus(firstStatusDelay());
        });
    return ready.future();
  }

  /** The time since the wait began. */
  Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - startedNanos);
  }

  // ---- the web URL -------------------------------------------------------------------------

  /** Probes this URL from now on; a loop on a URL no longer the app's ends at its next answer. */
  private void probeFrom(URI upstream) {
    probed = upstream;
    probe(upstream);
  }

  private void probe(URI upstream) {
    if (done() || !upstream.equals(probed)) {
      return;
    }
    long sentNanos = System.nanoTime();
    check.answer(upstream, pages).onSuccess(answer -> onAnswer(upstream, sentNanos, answer));
  }

  private void onAnswer(URI upstream, long sentNanos, Optional<AnswerOrigin> answer) {
    lastAnswer = answer;
    if (answer.isPresent() && answer.get() == AnswerOrigin.APP) {
      ready.tryComplete(readyApp());
      return;
    }
    if (answer.isPresent() && answer.get() == AnswerOrigin.UNCERTAIN) {
      if (running != null) {
        ready.tryComplete(running);
        return;
      }
      if (schedule.justPastExpectedEnd(elapsed())) {
        confirmWithProvider();
      }
    }
    // the next probe comes its delay after this one was sent: a slow answer is not added to it
    long delayNanos = schedule.delayAfter(elapsed()).toNanos();
    long leftMillis = (sentNanos + delayNanos - System.nanoTime()) / 1_000_000;
    later(Duration.ofMillis(Math.max(1, leftMillis)), () -> probe(upstream));
  }

  private ProviderApp readyApp() {
    ProviderApp known = running;
    return known != null ? known : app.withState(AppState.RUNNING);
  }

  // ---- the provider's status ---------------------------------------------------------------

  private Duration firstStatusDelay() {
    if (app.upstream().isEmpty()) {
      return FIRST_STATUS_WITHOUT_URL;
    }
    Duration first =
        schedule
            .expected()
            .map(boot -> boot.dividedBy(2))
            .filter(half -> half.compareTo(FIRST_STATUS_WITH_URL) > 0)
            .orElse(FIRST_STATUS_WITH_URL);
    // a reading around the expected end would most likely come just before the app answers
    return schedule.aroundExpectedEnd(first) ? schedule.windowEnd().orElseThrow() : first;
  }

  private void pollStatus(Duration delay) {
    later(
        delay,
        () ->
            askStatus()
                .onComplete(
                    done -> {
                      Duration max = probed == null ? MAX_STATUS_WITHOUT_URL : MAX_STATUS_WITH_URL;
                      Duration next = delay.multipliedBy(3).dividedBy(2);
                      pollStatus(next.compareTo(max) <= 0 ? next : max);
                    }));
  }

  /** Asks now, unless the start is not accepted yet or the provider was asked just before. */
  private void confirmWithProvider() {
    long now = System.nanoTime();
    if (accepted && now - lastConfirmNanos >= CONFIRM_INTERVAL.toNanos()) {
      lastConfirmNanos = now;
      askStatus();
    }
  }

  private Future<ProviderApp> askStatus() {
    if (done()) {
      return Future.succeededFuture(app);
    }
    return provider
        .status(app.key(), deadline)
        .onSuccess(this::onStatus)
        .onFailure(failure -> lastStatusFailure = failure);
  }

  private void onStatus(ProviderApp current) {
    lastStatusFailure = null;
    if (current.state() == AppState.FAILED) {
      ready.tryFail(
          new StartFailedException(
              app.key(), "provider " + current.provider() + " reports FAILED", null));
      return;
    }
    if (current.state() != AppState.RUNNING) {
      return;
    }
    running = current;
    Optional<URI> upstream = current.upstream();
    if (upstream.isEmpty()) {
      // a worker-only app (e.g. a linked one) has no web URL to wait for
      ready.tryComplete(current);
    } else if (lastAnswer.isPresent() && lastAnswer.get() == AnswerOrigin.UNCERTAIN) {
      ready.tryComplete(current);
    } else if (!upstream.get().equals(probed)) {
      // the provider now names a web URL the wait did not know when it began
      probeFrom(upstream.get());
    }
  }

  // ---- the end -----------------------------------------------------------------------------

  private void later(Duration delay, Runnable action) {
    if (!done()) {
      vertx.setTimer(Math.max(1, delay.toMillis()), id -> action.run());
    }
  }

  private boolean done() {
    return ready.future().isComplete();
  }

  /** The timeout, saying what was still missing. */
  private WakeTimeoutException timedOut() {
    String missing;
    if (!accepted) {
      missing = provider.name() + " has not accepted the start yet";
    } else if (lastStatusFailure != null) {
      missing = "its provider's last status failed: " + lastStatusFailure.getMessage();
    } else if (probed == null || uncertainAnswer()) {
      missing = provider.name() + " does not report it running yet";
    } else if (lastAnswer.isPresent()) {
      missing = "its web URL still answers with its platform's page, not the app's";
    } else {
      missing = "its web URL does not answer yet";
    }
    return new WakeTimeoutException(app.key(), deadline.budget(), missing);
  }

  private boolean uncertainAnswer() {
    return lastAnswer.isPresent() && lastAnswer.get() == AnswerOrigin.UNCERTAIN && running == null;
  }
}
