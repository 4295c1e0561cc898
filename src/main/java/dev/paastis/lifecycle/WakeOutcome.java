package dev.paastis.lifecycle;

import java.util.Locale;

/** How a wake ended; the {@code outcome} of the wake metric. */
public enum WakeOutcome {
  /** The app was started and answered. */
  STARTED,
  /** The provider refused or failed the start, or reported the app FAILED. */
  FAILED,
  /** The app did not answer within the provider's operation timeout. */
  TIMEOUT;

  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  static WakeOutcome of(Throwable failure) {
    return failure instanceof WakeTimeoutException ? TIMEOUT : FAILED;
  }
}
