package dev.paastis.app;

import dev.paastis.policy.PathGlob;
import dev.paastis.policy.UserAgentFilter;
import dev.paastis.policy.WakeFilter;
import dev.paastis.policy.Windows;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The sleep policy of one app, beyond its idle time: what its rules and the defaults give it.
 *
 * @param keepAwake windows in which it is started and kept awake
 * @param keepAsleep windows in which it is stopped and requests do not wake it
 * @param wakeFilter requests that neither wake it nor count as activity
 * @param busyProbe the path asked before an idle stop, empty for none
 * @param busyRetry how long a busy answer postpones the stop
 * @param busyProbeTimeout how long the busy probe waits for an answer
 * @param prewarm whether it is started before the hours it is usually used in
 * @param prewarmLead how long before, empty for the default (from its wake durations)
 * @param costPerHour its cost per hour awake, empty when unknown
 */
public record SleepPolicy(
    Windows keepAwake,
    Windows keepAsleep,
    WakeFilter wakeFilter,
    Optional<String> busyProbe,
    Duration busyRetry,
    Duration busyProbeTimeout,
    boolean prewarm,
    Optional<Duration> prewarmLead,
    Optional<BigDecimal> costPerHour) {

  public static final Duration DEFAULT_BUSY_RETRY = Duration.ofMinutes(5);
  public static final Duration DEFAULT_BUSY_PROBE_TIMEOUT = Duration.ofSeconds(2);

  public SleepPolicy {
    Objects.requireNonNull(keepAwake, "keepAwake");
    Objects.requireNonNull(keepAsleep, "keepAsleep");
    Objects.requireNonNull(wakeFilter, "wakeFilter");
    Objects.requireNonNull(busyProbe, "busyProbe");
    Objects.requireNonNull(busyRetry, "busyRetry");
    Objects.requireNonNull(busyProbeTimeout, "busyProbeTimeout");
    Objects.requireNonNull(prewarmLead, "prewarmLead");
    Objects.requireNonNull(costPerHour, "costPerHour");
  }

  /**
   * The defaults a rule overrides: the zone of windows ({@code SCHEDULE_TIMEZONE}), the user agents
   * and paths that do not wake an app ({@code WAKE_IGNORED_USER_AGENTS}, {@code
   * WAKE_IGNORED_PATHS}).
   */
  public record Defaults(ZoneId timezone, UserAgentFilter userAgents, List<PathGlob> paths) {

    /** UTC, nothing ignored: what code that builds rules by hand gets. */
    public static final Defaults NONE =
        new Defaults(ZoneOffset.UTC, UserAgentFilter.NONE, List.of());

    public Defaults {
      Objects.requireNonNull(timezone, "timezone");
      Objects.requireNonNull(userAgents, "userAgents");
      paths = List.copyOf(paths);
    }
  }

  /** The policy of an app no rule says anything about. */
  public static SleepPolicy of(Defaults defaults) {
    return resolve(RulePolicy.NONE, defaults);
  }

  /** The policy that the merged fields of the matching rules give, over the defaults. */
  public static SleepPolicy resolve(RulePolicy rules, Defaults defaults) {
    ZoneId zone = rules.timezone().orElse(defaults.timezone());
    return new SleepPolicy(
        new Windows(rules.keepAwake().orElse(List.of()), zone),
        new Windows(rules.keepAsleep().orElse(List.of()), zone),
        new WakeFilter(
            rules.wakeIgnoredUserAgents().orElse(defaults.userAgents()),
            rules.wakeIgnoredPaths().orElse(defaults.paths())),
        rules.busyProbe(),
        rules.busyRetry().orElse(DEFAULT_BUSY_RETRY),
        rules.busyProbeTimeout().orElse(DEFAULT_BUSY_PROBE_TIMEOUT),
        rules.prewarm().orElse(false),
        rules.prewarmLead(),
        rules.costPerHour());
  }
}
