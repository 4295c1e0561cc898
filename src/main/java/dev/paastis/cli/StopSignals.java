package dev.paastis.cli;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * TERM (sent by the platforms on every deploy and restart, by {@code docker stop}, by {@code kill})
 * and INT (Ctrl-C) taken as a request to stop gracefully. The first one releases {@link #await()}:
 * the main thread then drains the proxy, stops the local apps, and returns, so that the JVM exits
 * with code 0. A second one exits at once with 128 + its number; the shutdown hooks still stop the
 * local apps.
 *
 * <p>Why not only a shutdown hook: the JVM runs its hooks concurrently and in no order, so the
 * local provider's own hook would kill the apps while requests to them drain; and a JVM ended by
 * TERM exits with 143 whatever its hooks do. {@code sun.misc.Signal} is one of the critical
 * internal APIs that JEP 260 keeps accessible (module {@code jdk.unsupported}). Where it cannot be
 * used, TERM ends the JVM as before and the caller's shutdown hook does the stopping.
 */
final class StopSignals {

  private static final Logger LOG = LoggerFactory.getLogger(StopSignals.class);
  private static final List<String> NAMES = List.of("TERM", "INT");

  private final CountDownLatch requested = new CountDownLatch(1);
  private final AtomicInteger received = new AtomicInteger();

  private StopSignals() {}

  /** Takes over TERM and INT where the JVM allows it. */
  static StopSignals install() {
    StopSignals signals = new StopSignals();
    for (String name : NAMES) {
      try {
        Signal.handle(new Signal(name), signals::received);
      } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
        // -Xrs, a signal the OS reserves, or a runtime without jdk.unsupported
        LOG.debug("SIG{} is left to the JVM: {}", name, e.toString());
      }
    }
    return signals;
  }

  /** Returns once a stop is requested; never when no signal could be taken over. */
  void await() throws InterruptedException {
    requested.await();
  }

  private void received(Signal signal) {
    if (received.incrementAndGet() == 1) {
      LOG.info(
          "SIG{} received: stopping gracefully (send it again to stop at once)", signal.getName());
      requested.countDown();
      return;
    }
    LOG.warn("SIG{} received again: exiting now, requests in flight are cut", signal.getName());
    System.exit(128 + signal.getNumber());
  }
}
