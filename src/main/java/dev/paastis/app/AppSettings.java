package dev.paastis.app;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the rules decide for one app key.
 *
 * @param key the key the rules were applied to (first Host label, or a provider app key)
 * @param appName the provider app the key routes to
 * @param maxIdleTime how long the app may stay idle before it is stopped
 * @param linkedApps provider app keys started together with this one
 * @param provider the provider that owns the app, empty to let Paastis find it
 * @param region the region to look in, empty for any
 * @param policy its sleep policy beyond the idle time: schedules, requests that do not wake it,
 *     busy probe, pre-warm, cost
 */
public record AppSettings(
    String key,
    String appName,
    Duration maxIdleTime,
    List<String> linkedApps,
    Optional<String> provider,
    Optional<String> region,
    SleepPolicy policy) {

  public AppSettings {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(appName, "appName");
    Objects.requireNonNull(maxIdleTime, "maxIdleTime");
    linkedApps = List.copyOf(linkedApps);
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(policy, "policy");
  }

  /** With the default policy: UTC, no window, no request ignored. */
  public AppSettings(
      String key,
      String appName,
      Duration maxIdleTime,
      List<String> linkedApps,
      Optional<String> provider,
      Optional<String> region) {
    this(
        key,
        appName,
        maxIdleTime,
        linkedApps,
        provider,
        region,
        SleepPolicy.of(SleepPolicy.Defaults.NONE));
  }
}
