package dev.paastis.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RulesTest {

  private static final Duration DEFAULT = Duration.ofMinutes(15);

  @Test
  void an_app_no_rule_matches_keeps_its_name_and_the_default_idle_time() {
    AppSettings settings = new Rules(List.of(Rule.matching("^other$")), DEFAULT).resolve("shop");

    assertThat(settings.appName()).isEqualTo("shop");
    assertThat(settings.maxIdleTime()).isEqualTo(DEFAULT);
    assertThat(settings.linkedApps()).isEmpty();
    assertThat(settings.provider()).isEmpty();
  }

  @Test
  void the_pattern_is_searched_in_the_key_not_matched_against_all_of_it() {
    Rules rules =
        new Rules(List.of(Rule.matching("pr\\d+").withMaxIdleTime(Duration.ofMinutes(5))), DEFAULT);

    assertThat(rules.resolve("shop-pr42-front").maxIdleTime()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void groups_are_interpolated_into_app_name_linked_apps_provider_and_region() {
    Rules rules =
        new Rules(
            List.of(
                Rule.matching("^(\\w+)-pr(\\d+)$")
                    .withAppName("$1-review-$2")
                    .withLinkedApps(List.of("$1-api-pr$2", "$1-worker-pr$2"))
                    .withProvider("local")
                    .withRegion("zone-$2")),
            DEFAULT);

    AppSettings settings = rules.resolve("shop-pr7");

    assertThat(settings.appName()).isEqualTo("shop-review-7");
    assertThat(settings.linkedApps()).containsExactly("shop-api-pr7", "shop-worker-pr7");
    assertThat(settings.provider()).contains("local");
    assertThat(settings.region()).contains("zone-7");
  }

  @Test
  void later_rules_override_earlier_ones_field_by_field() {
    Rules rules =
        new Rules(
            List.of(
                Rule.matching("shop")
                    .withMaxIdleTime(Duration.ofMinutes(5))
                    .withLinkedApps(List.of("shop-api")),
                Rule.matching("shop-front").withMaxIdleTime(Duration.ofHours(2))),
            DEFAULT);

    AppSettings settings = rules.resolve("shop-front");

    assertThat(settings.maxIdleTime()).isEqualTo(Duration.ofHours(2));
    assertThat(settings.linkedApps()).containsExactly("shop-api");
  }

  @Test
  void a_dollar_without_a_matching_group_is_kept_as_written() {
    Rules rules = new Rules(List.of(Rule.matching("^(a)").withAppName("$1-$9-$x")), DEFAULT);

    assertThat(rules.resolve("abc").appName()).isEqualTo("a-$9-$x");
    assertThat(rules.resolve("abc").region()).isEqualTo(Optional.empty());
  }

  @Test
  void a_group_number_too_large_for_an_int_is_kept_as_written() {
    Rules rules =
        new Rules(List.of(Rule.matching("^(a)").withAppName("$1-$2147483648-$01")), DEFAULT);

    assertThat(rules.resolve("abc").appName()).isEqualTo("a-$2147483648-a");
  }
}
