package dev.paastis.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormationTest {

  @Test
  void the_saved_quantities_are_restored_onto_the_types_the_app_has() {
    Formation saved = Formation.of(Map.of("web", 2, "worker", 1, "gone", 3));

    assertThat(saved.restoreOnto(List.of("web", "worker", "clock")))
        .containsExactly(Map.entry("web", 2), Map.entry("worker", 1), Map.entry("clock", 0));
  }

  @Test
  void with_nothing_saved_one_web_process_is_started() {
    assertThat(Formation.EMPTY.restoreOnto(List.of("worker", "web")))
        .containsEntry("web", 1)
        .containsEntry("worker", 0);
  }

  @Test
  void an_app_without_web_starts_one_process_of_its_first_type() {
    assertThat(Formation.EMPTY.restoreOnto(List.of("worker", "clock")))
        .containsEntry("worker", 1)
        .containsEntry("clock", 0);
  }

  @Test
  void an_app_with_no_types_cannot_be_restored() {
    assertThatThrownBy(() -> Formation.DEFAULT.restoreOnto(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void negative_quantities_are_refused() {
    assertThatThrownBy(() -> Formation.of(Map.of("web", -1)))
        .hasMessageContaining("web")
        .hasMessageContaining("-1");
  }
}
