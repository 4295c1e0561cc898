package dev.paastis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paastis.config.ConfigException;
import dev.paastis.config.PaastisConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files the platforms read to deploy a clone with no change: Heroku's app.json (its button),
 * Scalingo's scalingo.json (its one-click deploy), Clever Cloud's clevercloud/jar.json, the
 * Procfile and system.properties. The variables the manifests ask the user for are exactly those
 * the configuration requires for their provider, checked by loading it.
 */
class DeployManifestsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  /** One variable of a manifest's env. */
  record Variable(
      String name, String description, boolean required, String value, boolean generated) {
    /** Required and neither given nor generated: the user must type it in. */
    boolean askedFor() {
      return required && value == null && !generated;
    }
  }

  private static JsonNode read(String file) throws IOException {
    return JSON.readTree(Files.readString(Path.of(file), StandardCharsets.UTF_8));
  }

  /**
   * app.json: an env item is required unless it says {@code "required": false} (Heroku's default
   * since 2014).
   */
  private static Map<String, Variable> herokuVariables() throws IOException {
    Map<String, Variable> variables = new LinkedHashMap<>();
    read("app.json")
        .get("env")
        .properties()
        .forEach(
            entry -> {
              JsonNode item = entry.getValue();
              assertThat(item.isObject()).as(entry.getKey()).isTrue();
              assertThat(item.path("required").isBoolean())
                  .as("%s says whether it is required", entry.getKey())
                  .isTrue();
              variables.put(
                  entry.getKey(),
                  new Variable(
                      entry.getKey(),
                      item.path("description").asText(""),
                      item.get("required").asBoolean(),
                      item.hasNonNull("value") ? item.get("value").asText() : null,
                      item.hasNonNull("generator")));
            });
    return variables;
  }

  /** scalingo.json has no required flag: its descriptions begin with "Required:" or "Optional:". */
  private static Map<String, Variable> scalingoVariables() throws IOException {
    Map<String, Variable> variables = new LinkedHashMap<>();
    read("scalingo.json")
        .get("env")
        .properties()
        .forEach(
            entry -> {
              JsonNode item = entry.getValue();
              String description = item.path("description").asText("");
              assertThat(description)
                  .as("%s says whether it is required", entry.getKey())
                  .matches("(Required|Optional): .+");
              variables.put(
                  entry.getKey(),
                  new Variable(
                      entry.getKey(),
                      description,
                      description.startsWith("Required:"),
                      item.hasNonNull("value") ? item.get("value").asText() : null,
                      item.hasNonNull("generator")));
            });
    return variables;
  }

  /** What the app gets: given values, generated secrets, and a value for what is asked for. */
  private static Map<String, String> environment(Map<String, Variable> variables) {
    Map<String, String> env = new HashMap<>();
    variables
        .values()
        .forEach(
            variable -> {
              if (variable.value() != null) {
                env.put(variable.name(), variable.value());
              } else if (variable.generated() || variable.askedFor()) {
                env.put(variable.name(), "typed-by-the-user-" + variable.name().length());
              }
            });
    return env;
  }

  private PaastisConfig load(Map<String, String> env) {
    return ProviderChoice.configLoader(env, dir).load(Map.of());
  }

  /**
   * The manifest's environment loads, for the provider it names; and without any one of the
   * variables it asks for, loading fails naming that variable.
   */
  private void assertAsksForExactlyWhatTheConfigRequires(
      Map<String, Variable> variables, String provider, Set<String> expectedAskedFor) {
    variables
        .values()
        .forEach(variable -> assertThat(variable.description()).as(variable.name()).isNotBlank());
    Map<String, String> env = environment(variables);

    PaastisConfig config = load(env);

    assertThat(config.providers().enabled()).containsExactly(provider);
    Set<String> askedFor = new TreeSet<>();
    variables.values().stream()
        .filter(Variable::askedFor)
        .forEach(variable -> askedFor.add(variable.name()));
    assertThat(askedFor).isEqualTo(expectedAskedFor);
    for (String name : askedFor) {
      Map<String, String> without = new HashMap<>(env);
      without.remove(name);
      assertThatThrownBy(() -> load(without))
          .as("loading without %s", name)
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining(name);
    }
    // what the manifest gives is also all that is needed: every other variable has a default
    for (String given : env.keySet()) {
      if (askedFor.contains(given) || given.equals("PROVIDER_NAME")) {
        continue;
      }
      Map<String, String> without = new HashMap<>(env);
      without.remove(given);
      assertThat(load(without).providers().enabled()).as("without %s", given).contains(provider);
    }
  }

  @Test
  void app_json_asks_for_exactly_what_the_heroku_provider_requires() throws IOException {
    Map<String, Variable> variables = herokuVariables();

    assertAsksForExactlyWhatTheConfigRequires(
        variables, "heroku", Set.of("PROVIDER_HEROKU_API_TOKEN"));
    assertThat(variables.get("PROVIDER_NAME").value()).isEqualTo("heroku");
  }

  @Test
  void scalingo_json_asks_for_exactly_what_the_scalingo_provider_requires() throws IOException {
    Map<String, Variable> variables = scalingoVariables();

    assertAsksForExactlyWhatTheConfigRequires(
        variables, "scalingo", Set.of("PROVIDER_SCALINGO_API_TOKEN"));
    assertThat(variables.get("PROVIDER_NAME").value()).isEqualTo("scalingo");
  }

  @Test
  void both_buttons_start_one_web_process_of_512_mb() throws IOException {
    JsonNode heroku = read("app.json");
    JsonNode scalingo = read("scalingo.json");

    // Basic: 512 MB and never asleep (an Eco dyno sleeps, and Paastis with it)
    assertThat(heroku.at("/formation/web/quantity").asInt()).isEqualTo(1);
    assertThat(heroku.at("/formation/web/size").asText()).isEqualTo("basic");
    assertThat(heroku.at("/buildpacks/0/url").asText()).isEqualTo("heroku/java");
    // M: 512 MB
    assertThat(scalingo.at("/formation/web/amount").asInt()).isEqualTo(1);
    assertThat(scalingo.at("/formation/web/size").asText()).isEqualTo("M");
  }

  @Test
  void every_platform_builds_and_runs_the_jar_the_build_produces() throws IOException {
    String procfile = Files.readString(Path.of("Procfile"), StandardCharsets.UTF_8);
    JsonNode clever = read("clevercloud/jar.json");
    String pom = Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);

    assertThat(pom).contains("<finalName>paastis</finalName>");
    assertThat(procfile.lines().filter(line -> line.startsWith("web:")).toList())
        .singleElement()
        .asString()
        .contains("-jar target/paastis.jar");
    assertThat(clever.at("/build/type").asText()).isEqualTo("maven");
    assertThat(List.of(clever.at("/build/goal").asText().split(" ")))
        .contains("package", "-DskipTests");
    assertThat(clever.at("/deploy/jarName").asText()).isEqualTo("target/paastis.jar");
    assertThat(Files.readString(Path.of("system.properties"), StandardCharsets.UTF_8))
        .contains("java.runtime.version=17");
  }
}
