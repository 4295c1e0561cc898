package dev.paastis.policy;

import static dev.paastis.events.EventType.APP_DISCOVERED;
import static dev.paastis.events.EventType.APP_REGISTERED;
import static dev.paastis.events.EventType.APP_STARTED;
import static dev.paastis.events.EventType.APP_STARTING;
import static dev.paastis.events.EventType.APP_START_FAILED;
import static dev.paastis.events.EventType.APP_STOPPED;
import static dev.paastis.events.EventType.APP_UNREGISTERED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paastis.events.Event;
import dev.paastis.events.EventType;
import dev.paastis.policy.Savings.AppHistory;
import dev.paastis.policy.Savings.AppSaving;
import dev.paastis.policy.Savings.Phase;
import dev.paastis.policy.Savings.Span;
import dev.paastis.policy.Savings.Totals;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SavingsTest {

  private static final Instant FROM = Instant.parse("2026-11-18T00:00:00Z");
  private static final Span WEEK = new Span(FROM, FROM.plus(Duration.ofDays(7)));
  private static final Duration WEEK_LENGTH = Duration.ofHours(168);

  private static Instant hour(double hours) {
    return FROM.plus(Duration.ofMinutes(Math.round(hours * 60)));
  }

  private static Event event(EventType type, double hours) {
    return new Event(type, "a", "fake", hour(hours), Map.of());
  }

  /** An app's history: the event before the window, then events given oldest first. */
  private static final class History {
    private Optional<Event> before = Optional.empty();
    private final List<Event> events = new ArrayList<>();
    private Phase now = Phase.AWAKE;

    History before(EventType type, double hoursBeforeTheWindow) {
      before = Optional.of(event(type, -hoursBeforeTheWindow));
      return this;
    }

    History then(EventType type, double hours) {
      events.add(event(type, hours));
      return this;
    }

    History now(Phase phase) {
      now = phase;
      return this;
    }

    /** Handed over newest first, as the event store gives them. */
    AppHistory history() {
      List<Event> newestFirst = new ArrayList<>(events);
      Collections.reverse(newestFirst);
      return new AppHistory("a", before, newestFirst, now);
    }

    AppSaving in(Span window) {
      return Savings.of(history(), window, Optional.empty());
    }

    AppSaving week() {
      return in(WEEK);
    }
  }

  private static History app() {
    return new History();
  }

  private static Duration hours(double hours) {
    return Duration.ofMinutes(Math.round(hours * 60));
  }

  @Test
  void an_app_stopped_before_the_window_and_started_in_it_slept_until_the_start() {
    AppSaving saving =
        app().before(APP_STOPPED, 30).then(APP_STARTING, 5).then(APP_STARTED, 5.5).week();

    assertThat(saving.asleep()).isEqualTo(hours(5));
    assertThat(saving.awake()).isEqualTo(WEEK_LENGTH.minus(hours(5)));
    assertThat(saving.wakes()).isEqualTo(1);
  }

  @Test
  void an_app_awake_all_window_slept_nothing() {
    AppSaving saving = app().before(APP_STARTED, 100).week();

    assertThat(saving.awake()).isEqualTo(WEEK_LENGTH);
    assertThat(saving.asleep()).isZero();
    assertThat(saving.wakes()).isZero();
  }

  @Test
  void stop_start_cycles_add_up_and_an_app_still_asleep_counts_until_the_window_closes() {
    AppSaving saving =
        app()
            .before(APP_REGISTERED, 2)
            .then(APP_STOPPED, 10)
            .then(APP_STARTING, 13)
            .then(APP_STARTED, 13.5)
            .then(APP_STOPPED, 40)
            .then(APP_STARTING, 42)
            .then(APP_STARTED, 42)
            .then(APP_STOPPED, 160)
            .week();

    assertThat(saving.asleep()).isEqualTo(hours(3 + 2 + 8));
    assertThat(saving.awake()).isEqualTo(hours(168 - 13));
    assertThat(saving.wakes()).isEqualTo(2);
  }

  @Test
  void a_repeated_stop_counts_from_the_first() {
    AppSaving saving =
        app().before(APP_STARTED, 1).then(APP_STOPPED, 2).then(APP_STOPPED, 4).week();

    assertThat(saving.asleep()).isEqualTo(hours(166));
  }

  @Test
  void after_an_unregistering_the_time_is_neither_awake_nor_asleep() {
    AppSaving saving =
        app()
            .before(APP_STARTED, 1)
            .then(APP_STOPPED, 10)
            .then(APP_UNREGISTERED, 20)
            .now(Phase.UNTRACKED)
            .week();

    assertThat(saving.awake()).isEqualTo(hours(10));
    assertThat(saving.asleep()).isEqualTo(hours(10));
  }

  @Test
  void an_app_unregistered_before_the_window_and_woken_in_it_counts_from_the_wake() {
    AppSaving saving =
        app()
            .before(APP_UNREGISTERED, 5)
            .then(APP_STARTING, 100)
            .then(APP_STARTED, 100)
            .then(APP_REGISTERED, 100)
            .week();

    assertThat(saving.awake()).isEqualTo(hours(68));
    assertThat(saving.asleep()).isZero();
    assertThat(saving.wakes()).isEqualTo(1);
  }

  @Test
  void before_an_app_is_first_known_the_time_is_neither_awake_nor_asleep() {
    AppSaving discovered =
        app().then(APP_DISCOVERED, 24).then(APP_REGISTERED, 24).then(APP_STOPPED, 48).week();
    AppSaving firstWake =
        app()
            .then(APP_STARTING, 24)
            .then(APP_STARTED, 24.5)
            .then(APP_REGISTERED, 24.5)
            .then(APP_STOPPED, 48)
            .week();

    assertThat(discovered.awake()).isEqualTo(hours(24));
    assertThat(discovered.asleep()).isEqualTo(hours(120));
    assertThat(firstWake.awake()).isEqualTo(hours(24));
    assertThat(firstWake.asleep()).isEqualTo(hours(120));
    assertThat(firstWake.wakes()).isEqualTo(1);
  }

  @Test
  void a_failed_wake_counts_as_a_wake_and_leaves_the_app_asleep() {
    AppSaving saving =
        app().before(APP_STOPPED, 1).then(APP_STARTING, 10).then(APP_START_FAILED, 11).week();

    assertThat(saving.awake()).isEqualTo(hours(1)); // the start under way
    assertThat(saving.asleep()).isEqualTo(hours(167));
    assertThat(saving.wakes()).isEqualTo(1);
  }

  @Test
  void a_failed_first_wake_leaves_the_app_untracked() {
    AppSaving saving =
        app().before(APP_UNREGISTERED, 1).then(APP_STARTING, 10).then(APP_START_FAILED, 11).week();

    assertThat(saving.awake()).isEqualTo(hours(1));
    assertThat(saving.asleep()).isZero();
  }

  @Test
  void an_app_that_ran_after_a_failed_wake_is_awake_from_its_discovery() {
    AppSaving saving =
        app()
            .before(APP_STOPPED, 1)
            .then(APP_STARTING, 10)
            .then(APP_START_FAILED, 11)
            .then(APP_DISCOVERED, 12)
            .week();

    assertThat(saving.asleep()).isEqualTo(hours(10 + 1));
    assertThat(saving.awake()).isEqualTo(hours(1 + 156));
  }

  @Test
  void a_start_under_way_when_the_window_opens_is_awake() {
    AppSaving started = app().before(APP_STOPPED, 10).then(APP_STARTED, 0.5).week();
    AppSaving failed = app().before(APP_STOPPED, 10).then(APP_START_FAILED, 0.5).week();

    assertThat(started.awake()).isEqualTo(WEEK_LENGTH);
    assertThat(failed.awake()).isEqualTo(hours(0.5));
    assertThat(failed.asleep()).isEqualTo(hours(167.5));
    assertThat(started.wakes()).isZero(); // begun before the window
  }

  @Test
  void without_the_event_before_the_window_a_first_start_means_the_app_was_asleep() {
    // the stop was pruned by the retention, or lost with an in-memory store at a restart
    AppSaving saving = app().then(APP_STARTING, 5).then(APP_STARTED, 5).week();

    assertThat(saving.asleep()).isEqualTo(hours(5));
    assertThat(saving.awake()).isEqualTo(hours(163));
  }

  @Test
  void without_the_event_before_the_window_a_first_stop_means_the_app_was_awake() {
    AppSaving saving = app().then(APP_STOPPED, 5).then(APP_STARTING, 7).week();

    assertThat(saving.awake()).isEqualTo(hours(5 + 161));
    assertThat(saving.asleep()).isEqualTo(hours(2));
  }

  @Test
  void without_the_event_before_the_window_an_app_found_started_from_outside_was_asleep() {
    AppSaving saving = app().then(APP_DISCOVERED, 8).week();

    assertThat(saving.asleep()).isEqualTo(hours(8));
    assertThat(saving.awake()).isEqualTo(hours(160));
  }

  @Test
  void without_any_event_the_app_spent_the_window_in_its_phase_now() {
    assertThat(app().now(Phase.ASLEEP).week().asleep()).isEqualTo(WEEK_LENGTH);
    assertThat(app().now(Phase.AWAKE).week().awake()).isEqualTo(WEEK_LENGTH);
    AppSaving untracked = app().now(Phase.UNTRACKED).week();
    assertThat(untracked.awake().plus(untracked.asleep())).isZero();
  }

  @Test
  void the_phase_now_is_not_read_when_an_event_says_where_the_app_stood() {
    assertThat(app().before(APP_STOPPED, 1).now(Phase.AWAKE).week().asleep())
        .isEqualTo(WEEK_LENGTH);
  }

  @Test
  void the_saving_is_the_hours_asleep_times_the_cost_rounded_half_up_to_cents() {
    Span month = new Span(FROM, FROM.plus(Duration.ofDays(30)));
    AppHistory history =
        app().before(APP_STARTED, 1).then(APP_STOPPED, 12.5).now(Phase.ASLEEP).history();

    AppSaving saving = Savings.of(history, month, Optional.of(new BigDecimal("0.05")));

    assertThat(saving.hoursAwake()).isEqualByComparingTo("12.5");
    assertThat(saving.hoursAsleep()).isEqualByComparingTo("707.5");
    assertThat(saving.costPerHour()).contains(new BigDecimal("0.05"));
    assertThat(saving.saving()).contains(new BigDecimal("35.38")); // 35.375
  }

  @Test
  void without_a_cost_there_is_no_saving() {
    assertThat(app().now(Phase.ASLEEP).week().saving()).isEmpty();
  }

  @Test
  void hours_are_rounded_to_two_decimals() {
    assertThat(Savings.hours(Duration.ofMinutes(20))).isEqualTo(new BigDecimal("0.33"));
    assertThat(Savings.hours(Duration.ofSeconds(30))).isEqualTo(new BigDecimal("0.01"));
    assertThat(Savings.hours(Duration.ZERO)).isEqualTo(new BigDecimal("0.00"));
  }

  @Test
  void totals_add_the_apps_and_the_savings_that_are_known() {
    AppSaving priced =
        new AppSaving(
            "a",
            hours(1),
            hours(2),
            3,
            Optional.of(new BigDecimal("0.10")),
            Optional.of(new BigDecimal("0.20")));
    AppSaving unpriced =
        new AppSaving("b", hours(4), hours(5), 1, Optional.empty(), Optional.empty());

    Totals both = Savings.total(List.of(priced, unpriced));

    assertThat(both.awake()).isEqualTo(hours(5));
    assertThat(both.asleep()).isEqualTo(hours(7));
    assertThat(both.wakes()).isEqualTo(4);
    assertThat(both.saving()).contains(new BigDecimal("0.20"));
    assertThat(Savings.total(List.of(unpriced)).saving()).isEmpty();
    assertThat(Savings.total(List.of()).saving()).isEmpty();
  }

  @Test
  void events_outside_the_window_are_kept_to_its_bounds() {
    Span day = new Span(FROM, FROM.plus(Duration.ofHours(24)));
    AppSaving saving =
        app().before(APP_STARTED, 1).then(APP_STOPPED, 20).then(APP_STARTING, 30).in(day);

    assertThat(saving.awake()).isEqualTo(hours(20));
    assertThat(saving.asleep()).isEqualTo(hours(4));
    assertThat(saving.wakes()).isZero();
  }

  @Test
  void a_window_cannot_end_before_it_opens() {
    assertThatThrownBy(() -> new Span(FROM, FROM.minusSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Span.ending(FROM, Duration.ofDays(30)).length()).isEqualTo(Duration.ofDays(30));
  }
}
