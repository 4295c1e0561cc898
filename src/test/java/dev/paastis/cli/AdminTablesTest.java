package dev.paastis.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paastis.config.ConfigException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The tables of {@code paastis apps}, {@code paastis events} and {@code paastis savings}, from
 * fixed API answers.
 */
class AdminTablesTest {

  private static JsonNode json(String text) throws Exception {
    return AdminClient.JSON.readTree(text.replace('\'', '"'));
  }

  @Test
  void apps_are_listed_with_times_relative_to_the_server_now() throws Exception {
    JsonNode answer =
        json(
            """
            {'now': '2026-11-25T10:15:30Z', 'apps': [
              {'name': 'hello', 'provider': 'local', 'region': null, 'state': 'RUNNING',
               'tracked': true, 'last_accessed_at': '2026-11-25T10:12:10Z',
               'sleeps_at': '2026-11-25T10:27:40Z', 'stopped_at': null,
               'why': 'idle_timer', 'changes_at': '2026-11-25T10:27:40Z',
               'slept_seconds_7d': 45000},
              {'name': 'shop-backend', 'provider': 'scalingo', 'region': 'osc-fr1',
               'state': 'STOPPED', 'tracked': true, 'last_accessed_at': '2026-11-23T08:00:00Z',
               'sleeps_at': null, 'stopped_at': '2026-11-23T08:15:00Z', 'why': 'keep_asleep',
               'changes_at': '2026-11-26T05:00:00Z', 'slept_seconds_7d': 0},
              {'name': 'app_7e1f', 'display_name': 'shop-front', 'provider': 'clevercloud',
               'region': 'par', 'state': 'RUNNING', 'tracked': false, 'last_accessed_at': null,
               'sleeps_at': null, 'stopped_at': null, 'why': 'untracked', 'changes_at': null,
               'slept_seconds_7d': 0},
              {'name': 'w', 'display_name': 'w', 'provider': 'heroku', 'region': null, 'state': 'UNKNOWN',
               'tracked': false, 'last_accessed_at': null, 'sleeps_at': null,
               'stopped_at': null}
            ]}
            """);

    assertThat(AppsCommand.table(answer))
        .containsExactly(
            "NAME                   STATE    PROVIDER     REGION   LAST ACCESS  WHY          CHANGES IN"
                + "  SLEPT 7D",
            "hello                  RUNNING  local        -        3m ago       idle_timer   12m       "
                + "  12.5h",
            "shop-backend           STOPPED  scalingo     osc-fr1  2d2h ago     keep_asleep  18h44m    "
                + "  0h",
            "app_7e1f (shop-front)  RUNNING  clevercloud  par      -            untracked    -         "
                + "  0h",
            "w                      UNKNOWN  heroku       -        -            -            -         "
                + "  -");
  }

  @Test
  void an_app_past_its_deadline_is_due() throws Exception {
    JsonNode answer =
        json(
            """
            {'now': '2026-11-25T10:15:30Z', 'apps': [{'name': 'late', 'state': 'RUNNING',
             'provider': 'fake', 'last_accessed_at': '2026-11-25T09:00:00Z',
             'sleeps_at': '2026-11-25T10:15:00Z', 'why': 'idle_timer',
             'changes_at': '2026-11-25T10:15:00Z', 'slept_seconds_7d': 0}]}
            """);

    assertThat(AppsCommand.table(answer).get(1)).contains("1h15m ago", "due");
  }

  @Test
  void no_apps_says_so() throws Exception {
    assertThat(AppsCommand.table(json("{'now': '2026-11-25T10:15:30Z', 'apps': []}")))
        .containsExactly("no apps: no provider lists any");
  }

  @Test
  void events_keep_the_given_order_with_details_as_key_value_pairs() throws Exception {
    JsonNode events =
        json(
            """
            [{'type': 'APP_STOPPED', 'app': 'hello', 'provider': 'local',
              'occurred_at': '2026-11-25T10:15:30.123Z', 'details': {'reason': 'idle'}},
             {'type': 'APP_START_FAILED', 'app': 'shop', 'provider': 'scalingo',
              'occurred_at': '2026-11-25T09:00:00Z',
              'details': {'error': 'quota exceeded', 'attempt': 2, 'empty': ''}},
             {'type': 'APP_DISCOVERED', 'app': 'w', 'provider': 'heroku',
              'occurred_at': '2026-11-24T23:59:59Z', 'details': {}}]
            """);

    assertThat(EventsCommand.table(events).lines())
        .containsExactly(
            "TIME                  TYPE              APP    PROVIDER  DETAILS",
            "2026-11-25T10:15:30Z  APP_STOPPED       hello  local     reason=idle",
            "2026-11-25T09:00:00Z  APP_START_FAILED  shop   scalingo  error=\"quota exceeded\""
                + " attempt=2 empty=\"\"",
            "2026-11-24T23:59:59Z  APP_DISCOVERED    w      heroku");
  }

  @Test
  void nested_details_print_as_json() throws Exception {
    assertThat(EventsCommand.details(json("{'formation': {'web': 1}, 'ok': true}")))
        .isEqualTo("formation={\"web\":1} ok=true");
  }

  @Test
  void savings_show_the_window_a_row_per_app_and_the_totals() throws Exception {
    JsonNode answer =
        json(
            """
            {'since': '2026-10-26T10:15:30.123Z', 'until': '2026-11-25T10:15:30.123Z', 'apps': [
              {'app': 'hello', 'hours_awake': 12.5, 'hours_asleep': 707.5, 'wakes': 9,
               'cost_per_hour': '0.05', 'saving': '35.38'},
              {'app': 'shop-backend', 'hours_awake': 720.0, 'hours_asleep': 0.0, 'wakes': 0,
               'cost_per_hour': null, 'saving': null},
              {'app': 'w', 'hours_awake': 0.33, 'hours_asleep': 100.0, 'wakes': 1,
               'cost_per_hour': '1.20', 'saving': '120.00'}],
             'totals': {'hours_awake': 732.83, 'hours_asleep': 807.5, 'wakes': 10,
               'saving': '155.38'}}
            """);

    assertThat(SavingsCommand.table(answer))
        .containsExactly(
            "from 2026-10-26T10:15:30Z to 2026-11-25T10:15:30Z",
            "APP           AWAKE    ASLEEP  WAKES  COST/H  SAVING",
            "hello         12.5h    707.5h  9      0.05    35.38",
            "shop-backend  720h     0h      0      -       -",
            "w             0.33h    100h    1      1.20    120.00",
            "TOTAL         732.83h  807.5h  10             155.38");
  }

  @Test
  void no_savings_say_so() throws Exception {
    assertThat(
            SavingsCommand.table(
                json(
                    """
                    {'since': '2026-11-24T10:00:00Z', 'until': '2026-11-25T10:00:00Z', 'apps': [],
                     'totals': {'hours_awake': 0.0, 'hours_asleep': 0.0, 'wakes': 0,
                     'saving': null}}
                    """)))
        .containsExactly(
            "from 2026-11-24T10:00:00Z to 2026-11-25T10:00:00Z",
            "no apps: none was tracked in that time");
  }

  @Test
  void since_takes_an_iso_time_or_a_duration_ago() {
    Instant now = Instant.parse("2026-11-25T10:15:30Z");

    assertThat(EventsCommand.since("2026-11-25T08:00:00Z", now))
        .isEqualTo(Instant.parse("2026-11-25T08:00:00Z"));
    assertThat(EventsCommand.since("2026-11-25T10:00:00+02:00", now))
        .isEqualTo(Instant.parse("2026-11-25T08:00:00Z"));
    assertThat(EventsCommand.since("1h", now)).isEqualTo(Instant.parse("2026-11-25T09:15:30Z"));
    assertThat(EventsCommand.since("30m", now)).isEqualTo(Instant.parse("2026-11-25T09:45:30Z"));
    assertThat(EventsCommand.since("2d", now)).isEqualTo(Instant.parse("2026-11-23T10:15:30Z"));
    assertThatThrownBy(() -> EventsCommand.since("yesterday", now))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "--since=yesterday is not valid: expected an ISO time such as 2026-11-25T10:15:30Z or"
                + " a duration such as 30m, 2h or 1d (that long ago)");
  }
}
