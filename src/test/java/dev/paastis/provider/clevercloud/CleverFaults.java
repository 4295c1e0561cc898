package dev.paastis.provider.clevercloud;

import java.time.Duration;

/**
 * What the next authenticated calls will suffer: injected failures and a latency. Thread-safe:
 * tests set it while the event loop consumes it.
 */
final class CleverFaults {

  private int failures;
  private int failureStatus;
  private Duration latency = Duration.ZERO;

  synchronized void failNext(int count, int status) {
    failures = count;
    failureStatus = status;
  }

  synchronized void setLatency(Duration latency) {
    this.latency = latency;
  }

  synchronized Duration latency() {
    return latency;
  }

  /** The injected failure for an authenticated call, or null to serve it. */
  synchronized CleverReply take() {
    if (failures <= 0) {
      return null;
    }
    failures--;
    String message =
        switch (failureStatus) {
          case 502 -> "Bad Gateway";
          case 503 -> "Service Unavailable";
          case 504 -> "Gateway Timeout";
          case 429 -> "Too Many Requests";
          default -> "Internal Server Error";
        };
    return CleverReply.error(failureStatus, failureStatus, message);
  }
}
