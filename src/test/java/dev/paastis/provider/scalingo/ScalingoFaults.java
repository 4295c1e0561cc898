package dev.paastis.provider.scalingo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * What the next calls will suffer: injected 429s (plain text or JSON), injected failures, failed
 * token exchanges, a latency, and the documented budget of 60 regional requests per minute per
 * bearer, off by default. Thread-safe: tests set it while the event loop consumes it.
 */
final class ScalingoFaults {

  /** The documented limit (PROVIDERS.md §2, Rate limit). */
  static final int REQUESTS_PER_MINUTE = 60;

  private static final Duration WINDOW = Duration.ofMinutes(1);

  private int rateLimits;
  private boolean plainText;
  private int failures;
  private int failureStatus;
  private int exchangeFailures;
  private int exchangeFailureStatus;
  private Duration latency = Duration.ZERO;
  private boolean enforceBudget;
  private final Map<String, Deque<Instant>> served = new HashMap<>();

  synchronized void rateLimitNext(int count, boolean plainText) {
    rateLimits = count;
    this.plainText = plainText;
  }

  synchronized void failNext(int count, int status) {
    failures = count;
    failureStatus = status;
  }

  synchronized void failNextExchange(int count, int status) {
    exchangeFailures = count;
    exchangeFailureStatus = status;
  }

  synchronized void setLatency(Duration latency) {
    this.latency = latency;
  }

  synchronized Duration latency() {
    return latency;
  }

  synchronized void enforceRateLimit(boolean enforce) {
    enforceBudget = enforce;
    served.clear();
  }

  /** The failure of a token exchange, or null to serve it. */
  synchronized ScalingoReply takeExchange() {
    if (exchangeFailures > 0) {
      exchangeFailures--;
      return failure(exchangeFailureStatus);
    }
    return null;
  }

  /**
   * The fault for an authenticated regional call, or null to serve it. Injected 429s come first,
   * then injected failures, then the sliding-minute budget of the bearer: a served call spends one
   * request of it, a refused one does not.
   */
  synchronized ScalingoReply take(String bearer) {
    if (rateLimits > 0) {
      rateLimits--;
      return plainText ? ScalingoReply.rateLimitedText() : ScalingoReply.rateLimitedJson();
    }
    if (failures > 0) {
      failures--;
      return failure(failureStatus);
    }
    if (!enforceBudget) {
      return null;
    }
    Instant now = Instant.now();
    Deque<Instant> times = served.computeIfAbsent(bearer, key -> new ArrayDeque<>());
    while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(WINDOW))) {
      times.removeFirst();
    }
    if (times.size() >= REQUESTS_PER_MINUTE) {
      return ScalingoReply.rateLimitedText();
    }
    times.addLast(now);
    return null;
  }

  private static ScalingoReply failure(int status) {
    return switch (status) {
      case 502 -> ScalingoReply.error(status, "bad gateway");
      case 503 -> ScalingoReply.error(status, "upstream error");
      case 504 -> ScalingoReply.error(status, "gateway timeout");
      default -> ScalingoReply.error(status, "internal server error");
    };
  }
}
