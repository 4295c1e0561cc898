package dev.paastis.provider.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paastis.config.ConfigException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** PROVIDER_KUBERNETES_LABEL_SELECTOR is checked as kubectl -l reads it, before anything starts. */
class LabelSelectorSyntaxTest {

  private static final String VARIABLE = "PROVIDER_KUBERNETES_LABEL_SELECTOR";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "paastis.dev/enabled=true",
        "app=web,tier!=db",
        "app==web",
        "env in (review, demo),!legacy",
        "env notin (prod)",
        "paastis",
        "team=",
        " app = web ",
        "example.com/team.name=a-b_c.d"
      })
  void a_selector_kubectl_accepts_is_kept(String selector) {
    assertThat(LabelSelectorSyntax.check(VARIABLE, selector)).isEqualTo(selector.trim());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "app=web,,tier=db | an empty requirement",
        "app=web; tier=db | 'app=web; tier=db' is not a requirement",
        "app=-web | 'app=-web' is not a requirement",
        "env in (review, de mo) | 'de mo' is not a label value",
        "app > 3 | 'app > 3' is not a requirement",
        "app in review | 'app in review' is not a requirement"
      })
  void a_mistake_stops_paastis_naming_the_variable_and_what_is_accepted(
      String selector, String problem) {
    assertThatThrownBy(() -> LabelSelectorSyntax.check(VARIABLE, selector))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(
            VARIABLE + "=" + selector + " is not valid: expected a label selector")
        .hasMessageEndingWith("(" + problem + ")");
  }
}
