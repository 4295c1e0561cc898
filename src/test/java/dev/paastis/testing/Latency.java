package dev.paastis.testing;

import io.vertx.core.Vertx;
import java.time.Duration;

/** Runs a fake API's answer now, or after a delay on a timer (the event loop stays free). */
public final class Latency {

  private Latency() {}

  public static void answerAfter(Vertx vertx, Duration latency, Runnable answer) {
    long delay = latency.toMillis();
    if (delay <= 0) {
      answer.run();
    } else {
      vertx.setTimer(delay, id -> answer.run());
    }
  }
}
