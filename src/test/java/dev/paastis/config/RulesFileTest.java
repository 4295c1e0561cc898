package dev.paastis.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paastis.app.AppSettings;
import dev.paastis.app.Rules;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RulesFileTest {

  @TempDir Path path;
  ConfigDir dir;

  @BeforeEach
  void setUp() {
    dir = new ConfigDir(path).withProvider();
  }

  private Rules rules() {
    PaastisConfig config = dir.load();
    return new Rules(config.rules(), config.scheduler().maxIdleTime());
  }

  @Test
  void rules_apply_in_file_order_with_groups_interpolated() {
    dir.file(
        "paastis.yml",
        """
        rules:
          - pattern: ^review-(\\d+)$
            app_name: shop-pr$1
            app_max_idle_time: 30
            linked_apps: [shop-api-pr$1, shop-db-pr$1]
          - pattern: review-42
            app_max_idle_time: 2h
            provider: scalingo
            region: osc-secnum-fr1
        """);

    AppSettings first = rules().resolve("review-7");
    AppSettings second = rules().resolve("review-42");

    assertThat(first.appName()).isEqualTo("shop-pr7");
    assertThat(first.maxIdleTime()).isEqualTo(Duration.ofMinutes(30));
    assertThat(first.linkedApps()).containsExactly("shop-api-pr7", "shop-db-pr7");
    assertThat(first.provider()).isEmpty();
    assertThat(second.appName()).isEqualTo("shop-pr42");
    assertThat(second.maxIdleTime()).isEqualTo(Duration.ofHours(2));
    assertThat(second.linkedApps()).containsExactly("shop-api-pr42", "shop-db-pr42");
    assertThat(second.provider()).contains("scalingo");
    assertThat(second.region()).contains("osc-secnum-fr1");
  }

  @Test
  void linked_apps_may_be_one_comma_separated_string() {
    dir.file("paastis.yml", "rules:\n  - pattern: shop\n    linked_apps: 'shop-api, shop-db,,'\n");

    assertThat(rules().resolve("shop").linkedApps()).containsExactly("shop-api", "shop-db");
  }

  @Test
  void an_empty_file_has_no_rules() {
    dir.file("paastis.yml", "# nothing yet\n");

    assertThat(dir.load().rules()).isEmpty();
    assertThat(dir.load().configFile()).contains(path.resolve("paastis.yml"));
  }

  @Test
  void paastis_config_names_another_file_and_messages_name_it_as_given() {
    dir.env("PAASTIS_CONFIG", "conf/rules.yml").file("conf/rules.yml", "rulez: []\n");

    assertThat(dir.error())
        .isEqualTo("conf/rules.yml: unknown field 'rulez' (accepted: rules, local)");
  }

  @ParameterizedTest(name = "{1} fails with: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "rules:\\n  - pattern: a\\n  - pattern: b\\n  - pattern: c\\n    app_nam: x"
            + " | an unknown field in a rule"
            + " | paastis.yml: rules[2]: unknown field 'app_nam' (accepted: pattern, app_name,"
            + " app_max_idle_time, linked_apps, provider, region, timezone, keep_awake,"
            + " keep_asleep, wake_ignored_user_agents, wake_ignored_paths, busy_probe, busy_retry,"
            + " busy_probe_timeout, prewarm, prewarm_lead, cost_per_hour)",
        "rules:\\n  - pattern: a\\n  - pattern: foo("
            + " | an invalid regular expression"
            + " | paastis.yml: rules[1] pattern 'foo(' is not a valid regular expression: Unclosed"
            + " group",
        "rules:\\n  - app_name: x"
            + " | a rule without a pattern"
            + " | paastis.yml: rules[0]: missing field 'pattern'",
        "rules:\\n  - pattern: a\\n    app_max_idle_time: ten"
            + " | an idle time without a unit"
            + " | paastis.yml: rules[0] app_max_idle_time 'ten' is not valid: expected a duration"
            + " greater than zero such as 30s, 10m or 2h (a bare number is minutes)",
        "rules:\\n  - pattern: a\\n    keep_awake: [ { from: '30 7 * * 1-5', to: '0 25 * * *' } ]"
            + " | a schedule with a bad cron"
            + " | paastis.yml: rules[0].keep_awake[0] to '0 25 * * *' is not a valid cron expression:"
            + " Value 25 not in range [0, 23]",
        "rules:\\n  - pattern: a\\n    keep_asleep: [ { from: '0 0 30 2 *', to: '0 6 * * *' } ]"
            + " | a window that never opens"
            + " | paastis.yml: rules[0].keep_asleep[0] from '0 0 30 2 *' never fires (no such date)",
        "rules:\\n  - pattern: a\\n    keep_asleep: [ { from: '0 22 * * *' } ]"
            + " | a window without its end"
            + " | paastis.yml: rules[0].keep_asleep[0]: missing field 'to'",
        "rules:\\n  - pattern: a\\n    keep_asleep: [ { from: '0 22 * * *', until: '0 6 * * *' } ]"
            + " | a window with an unknown field"
            + " | paastis.yml: rules[0].keep_asleep[0]: unknown field 'until' (accepted: from, to)",
        "rules:\\n  - pattern: a\\n    timezone: Europe/Pariss"
            + " | an unknown time zone"
            + " | paastis.yml: rules[0] timezone 'Europe/Pariss' is not valid: expected an IANA time"
            + " zone such as Europe/Paris, America/New_York or UTC",
        "rules:\\n  - pattern: a\\n    wake_ignored_paths: health"
            + " | a path glob without its slash"
            + " | paastis.yml: rules[0] wake_ignored_paths 'health' is not valid: the path glob"
            + " 'health' must start with / or * (a path such as /health, /healthz*, /.well-known/**"
            + " or /api/*/status)",
        "rules:\\n  - pattern: a\\n    wake_ignored_user_agents: 'bot('"
            + " | a user-agent expression that does not compile"
            + " | paastis.yml: rules[0] wake_ignored_user_agents 'bot(' is not a valid regular"
            + " expression: Unclosed group",
        "rules:\\n  - pattern: a\\n    busy_probe: internal/busy"
            + " | a busy probe that is not a path"
            + " | paastis.yml: rules[0] busy_probe 'internal/busy' is not valid: expected a path on"
            + " the app starting with /, such as /internal/busy",
        "rules:\\n  - pattern: a\\n    busy_retry: soon"
            + " | a busy retry that is not a duration"
            + " | paastis.yml: rules[0] busy_retry 'soon' is not valid: expected a duration greater"
            + " than zero such as 30s, 10m or 2h (a bare number is minutes)",
        "rules:\\n  - pattern: a\\n    prewarm: yes please"
            + " | prewarm that is not a boolean"
            + " | paastis.yml: rules[0] prewarm 'yes please' is not valid: expected true or false",
        "rules:\\n  - pattern: a\\n    cost_per_hour: -1"
            + " | a negative cost"
            + " | paastis.yml: rules[0] cost_per_hour '-1' is not valid: expected the app's cost per"
            + " hour awake, a number of 0 or more such as 0.05",
        "rules:\\n  - pattern: a\\n    provider: aws"
            + " | an unknown provider"
            + " | paastis.yml: rules[0] provider 'aws' is not valid: expected heroku, scalingo,"
            + " clever-cloud, render, kubernetes or local",
        "rules:\\n  - pattern: a\\n    linked_apps: [[b]]"
            + " | a nested list of linked apps"
            + " | paastis.yml: rules[0] linked_apps is not valid: expected a list of app names or a"
            + " comma-separated string",
        "rules:\\n  - pattern: a\\n    app_name: [b]"
            + " | a list where one name is expected"
            + " | paastis.yml: rules[0] app_name is not valid: expected a single value, not a list"
            + " or a mapping",
        "rules:\\n  pattern: a"
            + " | rules that are not a list"
            + " | paastis.yml rules is not valid: expected a list",
        "rules:\\n  - shop"
            + " | a rule that is not a mapping"
            + " | paastis.yml: rules[0]: expected a mapping with the keys pattern, app_name,"
            + " app_max_idle_time, linked_apps, provider, region, timezone, keep_awake, keep_asleep,"
            + " wake_ignored_user_agents, wake_ignored_paths, busy_probe, busy_retry, busy_probe_timeout,"
            + " prewarm, prewarm_lead, cost_per_hour",
        "rule:\\n  - pattern: a"
            + " | an unknown top-level key"
            + " | paastis.yml: unknown field 'rule' (accepted: rules, local)",
        "rules:\\n  - pattern: a\\n   app_name: b"
            + " | malformed YAML"
            + " | paastis.yml line 3 is not valid YAML: expected <block end>, but found '<block"
            + " mapping start>'",
        "rules:\\n\t- pattern: a"
            + " | a tab used for indentation"
            + " | paastis.yml line 2 is not valid YAML: found character '\\t(TAB)' that cannot"
            + " start any token. (Do not use \\t(TAB) for indentation)",
        "rules:\\n  - pattern: a\\n    pattern: b"
            + " | a duplicate key"
            + " | paastis.yml line 3 is not valid YAML: duplicate key 'pattern'",
        "rules:\\n  - pattern: &p a\\n  - pattern: *p"
            + " | an alias"
            + " | paastis.yml line 3 is not valid YAML: aliases are not supported",
      })
  void a_mistake_in_the_file_fails_in_one_line_saying_where(
      String yaml, String mistake, String message) {
    dir.file("paastis.yml", yaml.replace("\\n", "\n") + "\n");

    assertThat(dir.error()).isEqualTo(message);
  }
}
