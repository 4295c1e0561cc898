package dev.paastis.provider.heroku;

import java.time.Duration;

/**
 * What the next calls will suffer: injected failures, injected 429s, a latency, a revoked token,
 * and the rate-limit budget behind {@code RateLimit-Remaining}. Thread-safe: tests set it while the
 * event loop consumes it.
 */
final class HerokuFaults {

  /** Current devcenter figure for the per-account pool (PROVIDERS.md §1, Rate limit). */
  static final int DEFAULT_REMAINING = 4500;

  /** An injected answer: a status, its error body, and a Retry-After in seconds or -1. */
  record Fault(int status, String id, String message, long retryAfterSeconds) {}

  static final String RATE_LIMIT_MESSAGE =
      "Your account reached the API rate limit\n"
          + "Please wait a few minutes before making new requests";

  private int failures;
  private int failureStatus;
  private int rateLimits;
  private Duration retryAfter = Duration.ZERO;
  private int remaining = DEFAULT_REMAINING;
  private Duration latency = Duration.ZERO;
  private boolean rejectToken;

  synchronized void failNext(int count, int status) {
    failures = count;
    failureStatus = status;
  }

  synchronized void rateLimitNext(int count, Duration retryAfter) {
    rateLimits = count;
    this.retryAfter = retryAfter;
  }

  synchronized void setRemaining(int remaining) {
    this.remaining = remaining;
  }

  synchronized int remaining() {
    return remaining;
  }

  synchronized void setLatency(Duration latency) {
    this.latency = latency;
  }

  synchronized Duration latency() {
    return latency;
  }

  synchronized void rejectToken(boolean reject) {
    rejectToken = reject;
  }

  synchronized boolean rejectsToken() {
    return rejectToken;
  }

  /**
   * The fault for an authenticated call, or null to serve it. Injected 429s come first, then
   * injected failures; a served call that counts spends one token of the budget, and an empty
   * budget answers 429 like the real API (without Retry-After, which Heroku does not promise).
   */
  synchronized Fault take(boolean counted) {
    if (rateLimits > 0) {
      rateLimits--;
      return new Fault(429, "rate_limit", RATE_LIMIT_MESSAGE, retryAfter.toSeconds());
    }
    if (failures > 0) {
      failures--;
      return failure(failureStatus);
    }
    if (!counted) {
      return null;
    }
    if (remaining <= 0) {
      return new Fault(429, "rate_limit", RATE_LIMIT_MESSAGE, -1);
    }
    remaining--;
    return null;
  }

  private static Fault failure(int status) {
    return switch (status) {
      case 502 -> new Fault(status, "bad_gateway", "Bad gateway.", -1);
      case 503 ->
          new Fault(status, "unavailable", "API is temporarily unavailable, try again.", -1);
      case 504 -> new Fault(status, "gateway_timeout", "Gateway timeout.", -1);
      default -> new Fault(status, "internal_server_error", "Internal server error.", -1);
    };
  }
}
