package dev.paastis.provider;

import io.vertx.core.Future;

/**
 * A provider that can tell at startup whether its credentials work, so that Paastis refuses to
 * start with a clear message rather than failing at every tick. Checked with {@code instanceof}.
 */
public interface StartupCheck {

  /**
   * Fails with a {@link CredentialsRejectedException} naming the rejected setting; any other
   * failure (provider unreachable) does not stop Paastis, which retries at each tick.
   */
  Future<Void> verify();
}
