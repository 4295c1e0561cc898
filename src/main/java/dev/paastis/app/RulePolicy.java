package dev.paastis.app;

import dev.paastis.policy.PathGlob;
import dev.paastis.policy.UserAgentFilter;
import dev.paastis.policy.Window;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The sleep-policy fields of one rule of {@code paastis.yml}; like the rule's other fields, each
 * one left empty keeps what earlier rules or the defaults set.
 *
 * @param timezone the zone the rule's windows are read in ({@code timezone})
 * @param keepAwake {@code keep_awake} windows: started when one opens, never stopped for idleness
 *     while it lasts
 * @param keepAsleep {@code keep_asleep} windows: stopped when one opens, requests do not wake it
 * @param wakeIgnoredUserAgents {@code wake_ignored_user_agents}; {@link UserAgentFilter#NONE} when
 *     the rule disables it
 * @param wakeIgnoredPaths {@code wake_ignored_paths}; an empty list when the rule disables them
 * @param busyProbe {@code busy_probe}: the path asked before an idle stop
 * @param busyRetry {@code busy_retry}: how long a busy answer postpones the stop
 * @param busyProbeTimeout {@code busy_probe_timeout}: how long the probe waits for an answer
 * @param prewarm {@code prewarm}: start the app before the hours it is usually used in
 * @param prewarmLead {@code prewarm_lead}: how long before
 * @param costPerHour {@code cost_per_hour}: what the app costs per hour awake
 */
public record RulePolicy(
    Optional<ZoneId> timezone,
    Optional<List<Window>> keepAwake,
    Optional<List<Window>> keepAsleep,
    Optional<UserAgentFilter> wakeIgnoredUserAgents,
    Optional<List<PathGlob>> wakeIgnoredPaths,
    Optional<String> busyProbe,
    Optional<Duration> busyRetry,
    Optional<Duration> busyProbeTimeout,
    Optional<Boolean> prewarm,
    Optional<Duration> prewarmLead,
    Optional<BigDecimal> costPerHour) {

  /** A rule that says nothing about the sleep policy. */
  public static final RulePolicy NONE =
      new RulePolicy(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty());

  public RulePolicy {
    Objects.requireNonNull(timezone, "timezone");
    keepAwake = keepAwake.map(List::copyOf);
    keepAsleep = keepAsleep.map(List::copyOf);
    Objects.requireNonNull(wakeIgnoredUserAgents, "wakeIgnoredUserAgents");
    wakeIgnoredPaths = wakeIgnoredPaths.map(List::copyOf);
    Objects.requireNonNull(busyProbe, "busyProbe");
    Objects.requireNonNull(busyRetry, "busyRetry");
    Objects.requireNonNull(busyProbeTimeout, "busyProbeTimeout");
    Objects.requireNonNull(prewarm, "prewarm");
    Objects.requireNonNull(prewarmLead, "prewarmLead");
    Objects.requireNonNull(costPerHour, "costPerHour");
  }

  /** What {@code later} sets, else what this sets: {@code later} comes after in the file. */
  public RulePolicy then(RulePolicy later) {
    return new RulePolicy(
        or(later.timezone, timezone),
        or(later.keepAwake, keepAwake),
        or(later.keepAsleep, keepAsleep),
        or(later.wakeIgnoredUserAgents, wakeIgnoredUserAgents),
        or(later.wakeIgnoredPaths, wakeIgnoredPaths),
        or(later.busyProbe, busyProbe),
        or(later.busyRetry, busyRetry),
        or(later.busyProbeTimeout, busyProbeTimeout),
        or(later.prewarm, prewarm),
        or(later.prewarmLead, prewarmLead),
        or(later.costPerHour, costPerHour));
  }

  private static <T> Optional<T> or(Optional<T> first, Optional<T> second) {
    return first.isPresent() ? first : second;
  }

  /** Whether the rule sets any sleep-policy field. */
  public boolean isEmpty() {
    return equals(NONE);
  }
}
