package dev.paastis.internal.lifecycle;

import java.util.Locale;
import java.util.concurrent.TimeoutException;

/** How a wake ended; the {@code outcome} of the wake metric. */
public enum WakeOutcome {
  /** The app was started and answered. */
  STARTED,
  /** The provider refused or failed the start, or reported the app FAILED. */
  FAILED,
  /**
   * The wake reached the provider's operation timeout: the app did not answer in time, or the
   * provider's API did not.
   */
  TIMEOUT;

  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * A deadline reached is a timeout whichever timer noticed it first: the wake's own ({@link
   * WakeTimeoutException}) or that of the API call it was waiting for (a {@link TimeoutException}
   * among the causes).
   */
  static WakeOutcome of(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof WakeTimeoutException || cause instanceof TimeoutException) {
        return TIMEOUT;
      }
    }
    return FAILED;
  }
}
