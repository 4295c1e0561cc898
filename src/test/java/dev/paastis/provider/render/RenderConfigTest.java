package dev.paastis.provider.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paastis.config.ConfigException;
import dev.paastis.config.OwnApp;
import dev.paastis.config.Variables;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Render provider's variables, and how config check prints them. */
class RenderConfigTest {

  @Test
  void defaults_are_render_s_api_every_workspace_and_two_minutes() {
    RenderConfig config =
        RenderConfig.read(new Variables(Map.of("PROVIDER_RENDER_API_KEY", "rnd_x")), true);

    assertThat(config.apiUrl()).hasToString("https://api.render.com/v1");
    assertThat(config.ownerId()).isEmpty();
    assertThat(config.operationTimeout()).isEqualTo(Duration.ofSeconds(120));
  }

  @Test
  void a_bare_timeout_is_seconds_and_the_url_loses_its_trailing_slash() {
    RenderConfig config =
        RenderConfig.read(
            new Variables(
                Map.of(
                    "PROVIDER_RENDER_API_KEY", "rnd_x",
                    "PROVIDER_RENDER_API_URL", "https://render-proxy.example.com/v1/",
                    "PROVIDER_RENDER_OWNER_ID", " tea-abc ",
                    "PROVIDER_RENDER_OPERATION_TIMEOUT", "300")),
            true);

    assertThat(config.apiUrl()).hasToString("https://render-proxy.example.com/v1");
    assertThat(config.ownerId()).contains("tea-abc");
    assertThat(config.operationTimeout()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void a_missing_key_is_an_error_naming_the_variable_only_when_render_runs() {
    Variables none = new Variables(Map.of());

    assertThatThrownBy(() -> RenderConfig.read(none, true))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(
            "PROVIDER_RENDER_API_KEY is not set: required when PROVIDER_NAME=render");
    assertThat(RenderConfig.read(none, false).apiKey()).isEmpty();
  }

  @Test
  void config_check_shows_the_key_redacted() {
    Map<String, Object> lines = new LinkedHashMap<>();
    RenderConfig.read(new Variables(Map.of("PROVIDER_RENDER_API_KEY", "rnd_secret")), true)
        .describe(lines::put);

    assertThat(lines)
        .containsEntry("PROVIDER_RENDER_API_KEY", "****")
        .containsEntry("PROVIDER_RENDER_OWNER_ID", "")
        .containsKey("PROVIDER_RENDER_OPERATION_TIMEOUT");
    assertThat(lines.toString()).doesNotContain("rnd_secret");
  }

  @Test
  void paastis_on_render_knows_its_own_service_by_render_s_variables() {
    Map<String, String> onRender = Map.of("RENDER", "true", "RENDER_SERVICE_NAME", "my-paastis");

    assertThat(RenderConfig.ownApp(new Variables(onRender)))
        .contains(new OwnApp("render", "my-paastis", "RENDER_SERVICE_NAME"));
    assertThat(RenderConfig.ownApp(new Variables(Map.of("RENDER_SERVICE_NAME", "x")))).isEmpty();
  }
}
