package dev.paastis.provider.plugin;

import static dev.paastis.provider.plugin.PluginVariable.Kind.BOOLEAN;
import static dev.paastis.provider.plugin.PluginVariable.Kind.DURATION;
import static dev.paastis.provider.plugin.PluginVariable.Kind.INTEGER;
import static dev.paastis.provider.plugin.PluginVariable.Kind.LIST;
import static dev.paastis.provider.plugin.PluginVariable.Kind.SECRET;
import static dev.paastis.provider.plugin.PluginVariable.Kind.TEXT;
import static dev.paastis.provider.plugin.PluginVariable.Kind.URL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paastis.config.ConfigException;
import dev.paastis.provider.Provider;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PluginSettingsTest {

  /** One variable of each kind, with and without defaults. */
  private static final ProviderPlugin EVERY_KIND =
      plugin(
          PluginVariable.required("PROVIDER_KINDS_TOKEN", SECRET, "the API token"),
          PluginVariable.optional("PROVIDER_KINDS_TEAM", TEXT, "a team"),
          PluginVariable.withDefault(
              "PROVIDER_KINDS_API_URL", URL, "https://api.kinds.test/", "API"),
          PluginVariable.withDefault("PROVIDER_KINDS_TIMEOUT", DURATION, "90", "a start"),
          PluginVariable.withDefault("PROVIDER_KINDS_PAGE", INTEGER, "50", "page size"),
          PluginVariable.withDefault("PROVIDER_KINDS_VERIFY", BOOLEAN, "true", "verify TLS"),
          PluginVariable.optional("PROVIDER_KINDS_ZONES", LIST, "zones"));

  static ProviderPlugin plugin(PluginVariable... variables) {
    return new ProviderPlugin() {
      @Override
      public String name() {
        return "kinds";
      }

      @Override
      public List<PluginVariable> variables() {
        return List.of(variables);
      }

      @Override
      public Provider create(PluginContext context) {
        throw new UnsupportedOperationException("not created in these tests");
      }
    };
  }

  @Test
  void each_kind_is_read_with_its_default_when_unset() {
    PluginSettings settings =
        PluginSettings.of(EVERY_KIND, Map.of("PROVIDER_KINDS_TOKEN", "t0k3n"));

    assertThat(settings.secret("PROVIDER_KINDS_TOKEN")).isEqualTo("t0k3n");
    assertThat(settings.isSet("PROVIDER_KINDS_TEAM")).isFalse();
    assertThat(settings.url("PROVIDER_KINDS_API_URL"))
        .isEqualTo(URI.create("https://api.kinds.test"));
    assertThat(settings.duration("PROVIDER_KINDS_TIMEOUT")).isEqualTo(Duration.ofSeconds(90));
    assertThat(settings.integer("PROVIDER_KINDS_PAGE")).isEqualTo(50);
    assertThat(settings.bool("PROVIDER_KINDS_VERIFY")).isTrue();
    assertThat(settings.list("PROVIDER_KINDS_ZONES")).isEmpty();
  }

  @Test
  void set_values_win_over_defaults_and_are_parsed_as_paastis_parses_its_own() {
    PluginSettings settings =
        PluginSettings.of(
            EVERY_KIND,
            Map.of(
                "PROVIDER_KINDS_TOKEN", "t",
                "PROVIDER_KINDS_TEAM", " ops ",
                "PROVIDER_KINDS_TIMEOUT", "2m",
                "PROVIDER_KINDS_PAGE", "7",
                "PROVIDER_KINDS_VERIFY", "FALSE",
                "PROVIDER_KINDS_ZONES", "eu, us,,"));

    assertThat(settings.text("PROVIDER_KINDS_TEAM")).isEqualTo("ops");
    assertThat(settings.duration("PROVIDER_KINDS_TIMEOUT")).isEqualTo(Duration.ofMinutes(2));
    assertThat(settings.integer("PROVIDER_KINDS_PAGE")).isEqualTo(7);
    assertThat(settings.bool("PROVIDER_KINDS_VERIFY")).isFalse();
    assertThat(settings.list("PROVIDER_KINDS_ZONES")).containsExactly("eu", "us");
  }

  @Test
  void a_bad_value_names_the_variable_and_what_it_accepts() {
    Map<String, String> values = new LinkedHashMap<>(Map.of("PROVIDER_KINDS_TOKEN", "t"));
    values.put("PROVIDER_KINDS_PAGE", "many");
    assertThatThrownBy(() -> PluginSettings.of(EVERY_KIND, values))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "PROVIDER_KINDS_PAGE=many is not valid: expected a whole number greater than 0");

    values.remove("PROVIDER_KINDS_PAGE");
    values.put("PROVIDER_KINDS_API_URL", "ftp://x");
    assertThatThrownBy(() -> PluginSettings.of(EVERY_KIND, values))
        .hasMessageStartingWith("PROVIDER_KINDS_API_URL=ftp://x is not valid: expected an http://");

    values.remove("PROVIDER_KINDS_API_URL");
    values.put("PROVIDER_KINDS_TIMEOUT", "soon");
    assertThatThrownBy(() -> PluginSettings.of(EVERY_KIND, values))
        .hasMessageStartingWith("PROVIDER_KINDS_TIMEOUT=soon is not valid");
  }

  @Test
  void a_required_variable_is_required_only_when_the_plugin_runs() {
    assertThatThrownBy(() -> PluginSettings.of(EVERY_KIND, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "PROVIDER_KINDS_TOKEN is not set: required when PROVIDER_NAME=kinds (the API token)");

    PluginSettings idle =
        PluginSettings.read(EVERY_KIND, new dev.paastis.config.Variables(Map.of()), false);
    assertThat(idle.isSet("PROVIDER_KINDS_TOKEN")).isFalse();
  }

  @Test
  void describe_prints_every_variable_and_never_a_secret() {
    PluginSettings settings =
        PluginSettings.of(
            EVERY_KIND, Map.of("PROVIDER_KINDS_TOKEN", "t0k3n", "PROVIDER_KINDS_ZONES", "eu,us"));
    Map<String, Object> lines = new LinkedHashMap<>();
    settings.describe(lines::put);

    assertThat(lines)
        .containsEntry("PROVIDER_KINDS_TOKEN", "****")
        .containsEntry("PROVIDER_KINDS_TEAM", "")
        .containsEntry("PROVIDER_KINDS_API_URL", URI.create("https://api.kinds.test"))
        .containsEntry("PROVIDER_KINDS_ZONES", "eu,us");
    assertThat(lines.values()).extracting(String::valueOf).doesNotContain("t0k3n");
  }

  @Test
  void reading_a_variable_as_another_kind_or_undeclared_is_the_plugins_bug() {
    PluginSettings settings = PluginSettings.of(EVERY_KIND, Map.of("PROVIDER_KINDS_TOKEN", "t"));

    assertThatThrownBy(() -> settings.text("PROVIDER_KINDS_TOKEN"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("declared as SECRET, not TEXT");
    assertThatThrownBy(() -> settings.text("PROVIDER_KINDS_NOPE"))
        .hasMessageContaining("not one of the variables the kinds plugin declares");
    assertThatThrownBy(() -> settings.text("PROVIDER_KINDS_TEAM"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not set and has no default");
  }

  @Test
  void a_declaration_cannot_be_required_with_a_default_nor_default_to_blank() {
    assertThatThrownBy(
            () -> new PluginVariable("PROVIDER_X_A", TEXT, true, java.util.Optional.of("a"), "a"))
        .hasMessageContaining("required, so it cannot have a default value");
    assertThatThrownBy(() -> PluginVariable.withDefault("PROVIDER_X_A", TEXT, " ", "a"))
        .hasMessageContaining("cannot be blank");
  }
}
