package dev.paastis.internal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paastis.app.AppState;
import dev.paastis.app.SleepPolicy;
import dev.paastis.policy.CronSchedule;
import dev.paastis.policy.WakeFilter;
import dev.paastis.policy.Window;
import dev.paastis.policy.Windows;
import dev.paastis.registry.ManagedApp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Why an app is awake or asleep, and when that changes, from its state, record and policy. */
class AppStandingTest {

  /** Monday 7 December 2026, 12:00 UTC. */
  private static final Instant NOON = Instant.parse("2026-12-07T12:00:00Z");

  private static final Duration IDLE = Duration.ofMinutes(20);

  private static final ManagedApp TRACKED =
      ManagedApp.registered("shop", "fake", Optional.empty(), IDLE, NOON.minusSeconds(300));

  private static Windows windows(String from, String to) {
    return new Windows(
        List.of(new Window(CronSchedule.parse(from), CronSchedule.parse(to))), ZoneOffset.UTC);
  }

  private static SleepPolicy policy(Windows keepAwake, Windows keepAsleep) {
    return new SleepPolicy(
        keepAwake,
        keepAsleep,
        WakeFilter.NONE,
        Optional.empty(),
        SleepPolicy.DEFAULT_BUSY_RETRY,
        SleepPolicy.DEFAULT_BUSY_PROBE_TIMEOUT,
        false,
        Optional.empty(),
        Optional.empty());
  }

  private static final SleepPolicy IDLE_ONLY = policy(Windows.none(), Windows.none());

  private static AppStanding of(AppState state, Optional<ManagedApp> tracked, SleepPolicy policy) {
    return AppStanding.of(state, tracked, policy, Optional.empty(), Optional.empty(), NOON);
  }

  @Test
  void an_awake_tracked_app_sleeps_at_its_idle_deadline() {
    assertThat(of(AppState.RUNNING, Optional.of(TRACKED), IDLE_ONLY))
        .isEqualTo(
            new AppStanding(
                Optional.of("idle_timer"), Optional.of(NOON.plus(IDLE).minusSeconds(300))));
  }

  @Test
  void a_keep_asleep_window_opening_before_the_idle_deadline_is_the_next_change() {
    SleepPolicy nights = policy(Windows.none(), windows("10 12 * * *", "0 6 * * *"));

    assertThat(of(AppState.RUNNING, Optional.of(TRACKED), nights).changesAt())
        .contains(Instant.parse("2026-12-07T12:10:00Z"));
  }

  @Test
  void a_pin_beats_a_keep_awake_window_which_beats_a_busy_answer() {
    SleepPolicy office = policy(windows("0 8 * * *", "0 18 * * *"), Windows.none());
    ManagedApp pinned = TRACKED.pinned(Optional.of(NOON.plusSeconds(7200)));
    Optional<Instant> busyUntil = Optional.of(NOON.plusSeconds(60));

    assertThat(
            AppStanding.of(
                AppState.RUNNING, Optional.of(pinned), office, busyUntil, Optional.empty(), NOON))
        .isEqualTo(new AppStanding(Optional.of("pin"), Optional.of(NOON.plusSeconds(7200))));
    assertThat(
            AppStanding.of(
                AppState.RUNNING, Optional.of(TRACKED), office, busyUntil, Optional.empty(), NOON))
        .isEqualTo(
            new AppStanding(
                Optional.of("keep_awake"), Optional.of(Instant.parse("2026-12-07T18:00:00Z"))));
    assertThat(
            AppStanding.of(
                AppState.RUNNING,
                Optional.of(TRACKED),
                IDLE_ONLY,
                busyUntil,
                Optional.empty(),
                NOON))
        .isEqualTo(new AppStanding(Optional.of("busy"), busyUntil));
  }

  @Test
  void a_sleeping_app_inside_keep_asleep_is_back_when_the_window_closes() {
    SleepPolicy lunch = policy(Windows.none(), windows("0 11 * * *", "0 14 * * *"));

    assertThat(of(AppState.STOPPED, Optional.of(TRACKED), lunch))
        .isEqualTo(
            new AppStanding(
                Optional.of("keep_asleep"), Optional.of(Instant.parse("2026-12-07T14:00:00Z"))));
  }

  @Test
  void a_sleeping_app_changes_at_its_next_keep_awake_opening_or_pre_warm_whichever_first() {
    SleepPolicy evenings = policy(windows("0 19 * * *", "0 23 * * *"), Windows.none());
    Instant prewarm = Instant.parse("2026-12-07T16:55:00Z");

    assertThat(of(AppState.STOPPED, Optional.of(TRACKED), evenings))
        .isEqualTo(
            new AppStanding(
                Optional.of("asleep"), Optional.of(Instant.parse("2026-12-07T19:00:00Z"))));
    assertThat(
            AppStanding.of(
                AppState.STOPPED,
                Optional.of(TRACKED),
                evenings,
                Optional.empty(),
                Optional.of(prewarm),
                NOON))
        .isEqualTo(new AppStanding(Optional.of("asleep"), Optional.of(prewarm)));
    assertThat(of(AppState.STOPPED, Optional.empty(), IDLE_ONLY))
        .isEqualTo(new AppStanding(Optional.of("asleep"), Optional.empty()));
  }

  @Test
  void waking_untracked_and_unknown_apps() {
    assertThat(of(AppState.STARTING, Optional.of(TRACKED), IDLE_ONLY).why()).contains("waking");
    assertThat(of(AppState.RUNNING, Optional.empty(), IDLE_ONLY).why()).contains("untracked");
    assertThat(of(AppState.FAILED, Optional.of(TRACKED), IDLE_ONLY)).isEqualTo(AppStanding.UNKNOWN);
  }
}
