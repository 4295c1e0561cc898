package dev.paastis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoCommandTest {

  @Test
  void the_demo_opens_the_admin_listener_with_a_fresh_token() {
    Map<String, String> first = DemoCommand.adminListener(Map.of());
    Map<String, String> second = DemoCommand.adminListener(Map.of());

    assertThat(first).containsEntry("ADMIN_ENABLED", "true").containsKey("ADMIN_PORT");
    assertThat(first.get("ADMIN_API_TOKEN"))
        .hasSize(24)
        .isNotEqualTo(second.get("ADMIN_API_TOKEN"));
  }

  @Test
  void what_the_environment_says_about_the_admin_listener_wins() {
    assertThat(DemoCommand.adminListener(Map.of("ADMIN_ENABLED", "false"))).isEmpty();
    assertThat(DemoCommand.adminListener(Map.of("ADMIN_PORT", "4001", "ADMIN_API_TOKEN", "t")))
        .containsOnlyKeys("ADMIN_ENABLED");
  }
}
