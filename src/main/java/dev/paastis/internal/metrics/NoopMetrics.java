package dev.paastis.internal.metrics;

import dev.paastis.app.AppState;
import dev.paastis.internal.lifecycle.Metrics;
import dev.paastis.internal.lifecycle.StopReason;
import dev.paastis.internal.lifecycle.WakeOutcome;
import dev.paastis.policy.IgnoredReason;
import java.util.Map;
import java.util.function.Supplier;

/** Metrics off: every report is dropped, at no cost. */
public final class NoopMetrics implements Metrics {

  public static final NoopMetrics INSTANCE = new NoopMetrics();

  private NoopMetrics() {}

  @Override
  public boolean countsRequests() {
    return false;
  }

  @Override
  public void requestServed(String app, int status, long durationNanos) {}

  @Override
  public void wakeEnded(String app, WakeOutcome outcome, long durationNanos) {}

  @Override
  public void appStopped(String app, StopReason reason) {}

  @Override
  public void requestIgnored(IgnoredReason reason) {}

  @Override
  public void providerCalled(String provider, String operation, boolean succeeded) {}

  @Override
  public void tickEnded(long durationNanos) {}

  @Override
  public void registryFailed(String operation) {}

  @Override
  public void eventStoreFailed(String operation) {}

  @Override
  public void watchAppStates(Supplier<Map<AppState, Long>> appsByState) {}
}
