package dev.paastis.internal.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paastis.app.AppState;
import dev.paastis.app.Formation;
import dev.paastis.app.ProviderApp;
import dev.paastis.policy.ActivityHistory;
import dev.paastis.registry.ManagedApp;
import dev.paastis.registry.TrackedApp;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AppTracker} must do, seen from one instance; each implementation's test
 * supplies the instance (a shared-store implementation adds its tests across instances).
 */
public abstract class AppTrackerContractTest {

  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
  private static final Duration IDLE = Duration.ofMinutes(15);
  private static final Formation TWO_WEBS_ONE_WORKER = Formation.of(Map.of("web", 2, "worker", 1));
  private AppTracker tracker;

  protected abstract AppTracker newTracker() throws Exception;

  @BeforeEach
  void setUpTracker() throws Exception {
    tracker = newTracker();
  }

  private static ProviderApp app(String key) {
    return new ProviderApp(
        key,
        key,
        "local",
        AppState.RUNNING,
        Optional.of(URI.create("http://localhost:1")),
        Optional.of("eu"),
        Formation.DEFAULT);
  }

  private ManagedApp tracked(String key) {
    return tracker.all().await().stream()
        .filter(entry -> entry.key().equals(key))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void register_if_absent_registers_an_app_once() {
    assertThat(tracker.registerIfAbsent(app("shop"), IDLE, T0).await()).isTrue();
    assertThat(
            tracker.registerIfAbsent(app("shop"), Duration.ofMinutes(1), T0.plusSeconds(9)).await())
        .isFalse();

    assertThat(tracked("shop"))
        .isEqualTo(ManagedApp.registered("shop", "local", Optional.of("eu"), IDLE, T0));
  }

  @Test
  void mark_awake_registers_an_untracked_app() {
    assertThat(tracker.markAwake(app("shop"), IDLE, T0).await()).isTrue();

    assertThat(tracked("shop").lastAccessedAt()).isEqualTo(T0);
  }

  @Test
  void mark_awake_restarts_the_idle_time_of_a_stopped_app_and_keeps_its_formation() {
    tracker.registerIfAbsent(app("shop"), IDLE, T0).await();
    tracker.saveFormation("shop", TWO_WEBS_ONE_WORKER, T0.plusSeconds(60)).await();

    assertThat(tracker.markAwake(app("shop"), IDLE, T0.plusSeconds(120)).await()).isFalse();

    ManagedApp entry = tracked("shop");
    assertThat(entry.isSleeping()).isFalse();
    assertThat(entry.lastAccessedAt()).isEqualTo(T0.plusSeconds(120));
    assertThat(entry.savedFormation()).contains(TWO_WEBS_ONE_WORKER);
  }

  @Test
  void touch_moves_the_last_access_forward_only_and_ignores_untracked_apps() {
    tracker.registerIfAbsent(app("shop"), IDLE, T0).await();

    tracker.touch("shop", T0.plusSeconds(30)).await();
    tracker.touch("shop", T0.plusSeconds(10)).await();
    tracker.touch("ghost", T0.plusSeconds(10)).await();

    assertThat(tracked("shop").lastAccessedAt()).isEqualTo(T0.plusSeconds(30));
    assertThat(tracker.all().await()).extracting(ManagedApp::key).containsExactly("shop");
  }

  @Test
  void an_empty_formation_keeps_the_one_saved_before() {
    tracker.registerIfAbsent(app("shop"), IDLE, T0).await();
    tracker.saveFormation("shop", TWO_WEBS_ONE_WORKER, T0.plusSeconds(60)).await();

    tracker.saveFormation("shop", Formation.EMPTY, T0.plusSeconds(90)).await();

    assertThat(tracked("shop").savedFormation()).contains(TWO_WEBS_ONE_WORKER);
    assertThat(tracked("shop").stoppedAt()).contains(T0.plusSeconds(90));
  }

  @Test
  void saving_the_formation_of_an_untracked_app_tracks_nothing() {
    tracker.saveFormation("ghost", TWO_WEBS_ONE_WORKER, T0).await();

    assertThat(tracker.all().await()).isEmpty();
  }

  @Test
  void forget_says_whether_the_app_was_tracked() {
    tracker.registerIfAbsent(app("shop"), IDLE, T0).await();

    assertThat(tracker.forget("shop").await()).isTrue();
    assertThat(tracker.forget("shop").await()).isFalse();
    assertThat(tracker.all().await()).isEmpty();
  }

  @Test
  void the_index_gives_each_app_its_provider_and_idle_deadline_and_none_while_asleep() {
    tracker.registerIfAbsent(app("awake"), IDLE, T0).await();
    tracker.registerIfAbsent(app("asleep"), IDLE, T0).await();
    tracker.touch("awake", T0.plusSeconds(30)).await();
    tracker.saveFormation("asleep", TWO_WEBS_ONE_WORKER, T0.plusSeconds(60)).await();

    assertThat(tracker.index().await())
        .containsExactly(
            new TrackedApp("asleep", "local", Optional.empty()),
            new TrackedApp("awake", "local", Optional.of(T0.plusSeconds(30).plus(IDLE))));
  }

  @Test
  void a_pin_is_kept_in_the_record_and_the_index_until_it_is_ended() {
    tracker.registerIfAbsent(app("shop"), IDLE, T0).await();
    Instant until = T0.plusSeconds(7200);

    assertThat(tracker.pin("shop", Optional.of(until)).await()).isTrue();

    assertThat(tracker.all().await().get(0).pinnedUntil()).contains(until);
    assertThat(tracker.index().await())
        .containsExactly(
            new TrackedApp("shop", "local", Optional.of(T0.plus(IDLE)), Optional.of(until)));

    // a pin outlives what else happens to the app: a stop, a wake, a touch
    tracker.saveFormation("shop", TWO_WEBS_ONE_WORKER, T0.plusSeconds(60)).await();
    tracker.markAwake(app("shop"), IDLE, T0.plusSeconds(120)).await();
    tracker.touch("shop", T0.plusSeconds(180)).await();
    assertThat(tracker.index().await().get(0).pinnedUntil()).contains(until);

    assertThat(tracker.pin("shop", Optional.empty()).await()).isTrue();
    assertThat(tracker.all().await().get(0).pinnedUntil()).isEmpty();
    assertThat(tracker.index().await().get(0).pinnedUntil()).isEmpty();
  }

  @Test
  void pinning_an_untracked_app_tracks_nothing() {
    assertThat(tracker.pin("ghost", Optional.of(T0.plusSeconds(60))).await()).isFalse();
    assertThat(tracker.all().await()).isEmpty();
    assertThat(tracker.index().await()).isEmpty();
  }

  @Test
  void forgetting_a_pinned_app_forgets_its_pin() {
    tracker.registerIfAbsent(app("shop"), IDLE, T0).await();
    tracker.pin("shop", Optional.of(T0.plusSeconds(60))).await();

    tracker.forget("shop").await();
    tracker.registerIfAbsent(app("shop"), IDLE, T0.plusSeconds(10)).await();

    assertThat(tracker.index().await().get(0).pinnedUntil()).isEmpty();
  }

  @Test
  void waking_a_sleeping_app_puts_its_deadline_back_in_the_index() {
    tracker.registerIfAbsent(app("shop"), IDLE, T0).await();
    tracker.saveFormation("shop", TWO_WEBS_ONE_WORKER, T0.plusSeconds(60)).await();

    tracker.markAwake(app("shop"), Duration.ofMinutes(1), T0.plusSeconds(120)).await();

    // the app keeps its own idle time; the one given is for an app not tracked yet
    assertThat(tracker.index().await())
        .containsExactly(
            new TrackedApp("shop", "local", Optional.of(T0.plusSeconds(120).plus(IDLE))));
  }

  private ActivityHistory activityOf(String key) {
    return tracker.activity(List.of(key)).await().get(key);
  }

  /** Whether the hour {@code at} falls in is recorded in the activity. */
  private static boolean usedAt(ActivityHistory activity, Instant at) {
    return activity.usedIn(at.getEpochSecond() / 3600);
  }

  @Test
  void a_new_app_has_no_activity() {
    tracker.registerIfAbsent(app("shop"), IDLE, T0).await();

    assertThat(activityOf("shop")).isEqualTo(ActivityHistory.empty());
    assertThat(tracked("shop").activity()).isEqualTo(ActivityHistory.empty());
  }

  @Test
  void a_touch_records_its_hour_once_whatever_the_number_of_touches_in_it() {
    tracker.registerIfAbsent(app("shop"), IDLE, T0).await();

    tracker.touch("shop", T0.plusSeconds(30)).await();
    tracker.touch("shop", T0.plusSeconds(40)).await();
    tracker.touch("shop", T0.plus(Duration.ofHours(3))).await();

    ActivityHistory activity = activityOf("shop");
    assertThat(activity)
        .isEqualTo(ActivityHistory.empty().recordedAt(T0).recordedAt(T0.plus(Duration.ofHours(3))));
    assertThat(activity.hoursUsed()).isEqualTo(2);
    assertThat(usedAt(activity, T0.plus(Duration.ofHours(1)))).isFalse();
    assertThat(tracked("shop").activity()).isEqualTo(activity);
  }

  @Test
  void a_late_touch_records_its_hour_without_moving_the_last_access_back() {
    tracker.registerIfAbsent(app("shop"), IDLE, T0).await();
    tracker.touch("shop", T0.plus(Duration.ofHours(2))).await();

    tracker.touch("shop", T0.plusSeconds(60)).await();

    assertThat(tracked("shop").lastAccessedAt()).isEqualTo(T0.plus(Duration.ofHours(2)));
    assertThat(usedAt(activityOf("shop"), T0)).isTrue();
  }

  @Test
  void hours_older_than_28_days_drop_out_of_the_activity() {
    tracker.registerIfAbsent(app("shop"), IDLE, T0).await();
    tracker.touch("shop", T0).await();
    tracker.touch("shop", T0.plus(Duration.ofDays(1))).await();

    Instant fourWeeksOn = T0.plus(Duration.ofDays(28));
    tracker.touch("shop", fourWeeksOn).await();

    ActivityHistory activity = activityOf("shop");
    assertThat(usedAt(activity, T0)).isFalse();
    assertThat(usedAt(activity, T0.plus(Duration.ofDays(1)))).isTrue();
    assertThat(usedAt(activity, fourWeeksOn)).isTrue();
    assertThat(activity.hoursUsed()).isEqualTo(2);
    // an hour that left the window is not recorded again
    tracker.touch("shop", T0.plusSeconds(60)).await();
    assertThat(activityOf("shop")).isEqualTo(activity);
  }

  @Test
  void a_touch_after_weeks_unused_keeps_only_its_own_hour() {
    tracker.registerIfAbsent(app("shop"), IDLE, T0).await();
    for (int day = 0; day < 7; day++) {
      tracker.touch("shop", T0.plus(Duration.ofDays(day))).await();
    }

    Instant later = T0.plus(Duration.ofDays(40));
    tracker.touch("shop", later).await();

    assertThat(activityOf("shop")).isEqualTo(ActivityHistory.empty().recordedAt(later));
  }

  @Test
  void a_wake_is_no_use_by_itself_the_requests_after_it_are() {
    tracker.registerIfAbsent(app("shop"), IDLE, T0).await();
    tracker.saveFormation("shop", TWO_WEBS_ONE_WORKER, T0.plusSeconds(60)).await();
    Instant wake = T0.plus(Duration.ofHours(5));

    tracker.markAwake(app("shop"), IDLE, wake).await();
    tracker.markAwake(app("new"), IDLE, wake).await();

    assertThat(activityOf("shop")).isEqualTo(ActivityHistory.empty());
    assertThat(activityOf("new")).isEqualTo(ActivityHistory.empty());

    // the request that asked for the wake touches at the wake's instant
    tracker.touch("shop", wake).await();
    assertThat(activityOf("shop")).isEqualTo(ActivityHistory.empty().recordedAt(wake));
    assertThat(tracked("shop").lastAccessedAt()).isEqualTo(wake);
  }

  @Test
  void the_activity_outlives_a_stop_a_wake_and_a_pin() {
    tracker.registerIfAbsent(app("shop"), IDLE, T0).await();
    tracker.touch("shop", T0.plusSeconds(30)).await();

    tracker.saveFormation("shop", TWO_WEBS_ONE_WORKER, T0.plusSeconds(60)).await();
    tracker.markAwake(app("shop"), IDLE, T0.plus(Duration.ofHours(2))).await();
    tracker.pin("shop", Optional.of(T0.plus(Duration.ofHours(4)))).await();

    assertThat(activityOf("shop")).isEqualTo(ActivityHistory.empty().recordedAt(T0));
  }

  @Test
  void forgetting_an_app_forgets_its_activity() {
    tracker.registerIfAbsent(app("shop"), IDLE, T0).await();
    tracker.touch("shop", T0.plusSeconds(30)).await();

    tracker.forget("shop").await();
    assertThat(tracker.activity(List.of("shop")).await()).isEmpty();

    tracker.registerIfAbsent(app("shop"), IDLE, T0.plusSeconds(60)).await();
    assertThat(activityOf("shop")).isEqualTo(ActivityHistory.empty());
  }

  @Test
  void the_activity_of_several_apps_is_read_at_once_and_untracked_apps_are_left_out() {
    tracker.registerIfAbsent(app("shop"), IDLE, T0).await();
    tracker.registerIfAbsent(app("blog"), IDLE, T0).await();
    tracker.touch("blog", T0.plus(Duration.ofHours(1))).await();

    assertThat(tracker.activity(List.of("shop", "blog", "ghost")).await())
        .isEqualTo(
            Map.of(
                "shop",
                ActivityHistory.empty(),
                "blog",
                ActivityHistory.empty().recordedAt(T0.plus(Duration.ofHours(1)))));
    assertThat(tracker.activity(List.of()).await()).isEmpty();
  }

  @Test
  void a_released_claim_can_be_claimed_again() {
    AppTracker.Claim wake = tracker.claimWake("shop").await();
    assertThat(wake.granted()).isTrue();
    wake.release().await();

    AppTracker.Claim again = tracker.claimWake("shop").await();
    assertThat(again.granted()).isTrue();
    again.release().await();
    AppTracker.Claim stop = tracker.claimStop("shop").await();
    assertThat(stop.granted()).isTrue();
    stop.release().await();
    stop.release().await();
  }
}
