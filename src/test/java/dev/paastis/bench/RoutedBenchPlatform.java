package dev.paastis.bench;

import dev.paastis.testing.CallLog;
import dev.paastis.testing.FakeRouter;
import java.util.List;
import java.util.OptionalLong;

/**
 * A fake PaaS for the benchmark: the app's web URL is the fake's router, which tells when the app
 * could answer, and the fake's call log counts the API calls.
 */
public abstract class RoutedBenchPlatform implements BenchPlatform {

  private final FakeRouter router;
  private final CallLog<? extends CallLog.Call> calls;
  private final String appKey;
  private final String hostLabel;

  protected RoutedBenchPlatform(
      FakeRouter router, CallLog<? extends CallLog.Call> calls, String appKey, String hostLabel) {
    this.router = router;
    this.calls = calls;
    this.appKey = appKey;
    this.hostLabel = hostLabel;
  }

  @Override
  public String appKey() {
    return appKey;
  }

  @Override
  public String hostLabel() {
    return hostLabel;
  }

  @Override
  public OptionalLong appUpSinceNanos() {
    return router.appUpSinceNanos();
  }

  @Override
  public List<String> calls() {
    return calls.all().stream().map(call -> call.method() + " " + call.path()).toList();
  }
}
