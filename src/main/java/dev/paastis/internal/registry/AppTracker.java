package dev.paastis.internal.registry;

import dev.paastis.app.Formation;
import dev.paastis.app.ProviderApp;
import dev.paastis.policy.ActivityHistory;
import dev.paastis.registry.ManagedApp;
import dev.paastis.registry.TrackedApp;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one writer of tracked apps: the scheduler and the lifecycle decide, the tracker writes. Each
 * operation is one that must be atomic across instances when they share a registry (Redis), so an
 * implementation on a shared store makes each of them a single atomic step; on one instance they
 * are plain writes. Other reads go to the {@link dev.paastis.registry.Registry} directly.
 *
 * <p>Futures may complete on any thread.
 */
public interface AppTracker {

  /** The tracked apps, whole. */
  Future<List<ManagedApp>> all();

  /** The tracked apps' providers and idle deadlines, for the scheduler to decide on. */
  Future<List<TrackedApp>> index();

  /**
   * The activity histories of these apps, by key (untracked ones left out), read in one step: what
   * pre-warming reads, for the few apps that may be due, never for every tracked app.
   */
  Future<Map<String, ActivityHistory>> activity(Collection<String> keys);

  /**
   * Starts tracking a running app unless it is tracked already; completes with true when this call
   * registered it. Discovery and a wake may race to register the same app: one wins.
   */
  Future<Boolean> registerIfAbsent(ProviderApp app, Duration maxIdleTime, Instant now);

  /**
   * The app runs (woken, or started from outside): its idle time counts from {@code now}, and it is
   * registered when it was not tracked. Completes with true when this call registered it. Its
   * activity is left as it is: the requests that use it are {@link #touch}es.
   */
  Future<Boolean> markAwake(ProviderApp app, Duration maxIdleTime, Instant now);

  /**
   * A request reached the app at {@code at}: moves the last access forward to {@code at}, never
   * backwards, and records the hour of {@code at} in its activity (written only when that hour was
   * not recorded yet); no-op for untracked apps.
   */
  Future<Void> touch(String key, Instant at);

  /**
   * The app was stopped at {@code at} with that formation, to restore at its next start (an empty
   * formation keeps the one saved before); no-op for untracked apps.
   */
  Future<Void> saveFormation(String key, Formation formation, Instant at);

  /**
   * Pins the app awake until {@code until}, or ends its pin when empty; completes with true when
   * the app is tracked (the pin was written), false when it is not.
   */
  Future<Boolean> pin(String key, Optional<Instant> until);

  /** Stops tracking the app; completes with true when it was tracked. */
  Future<Boolean> forget(String key);

  /**
   * Claims the right to start the app. Not granted while another instance holds it: that one starts
   * the app, this one waits for it to answer. Always granted on one instance.
   */
  Future<Claim> claimWake(String key);

  /** Claims the right to stop the app; not granted while another instance stops or wakes it. */
  Future<Claim> claimStop(String key);

  /** A claim on one operation on one app, held until released. */
  interface Claim {

    /** The claim every call gets on one instance: granted, and nothing to release. */
    Claim GRANTED = fixed(true);

    /** The answer while another instance holds the claim: nothing to release either. */
    Claim NOT_GRANTED = fixed(false);

    private static Claim fixed(boolean granted) {
      return new Claim() {
        @Override
        public boolean granted() {
          return granted;
        }

        @Override
        public Future<Void> release() {
          return Future.succeededFuture();
        }
      };
    }

    boolean granted();

    /** Lets another instance claim the operation. Idempotent. */
    Future<Void> release();
  }
}
