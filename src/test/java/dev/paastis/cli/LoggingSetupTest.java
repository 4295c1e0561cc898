package dev.paastis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paastis.config.LogFormat;
import dev.paastis.config.LoggingConfig;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LoggingSetupTest {

  private final PrintStream realOut = System.out;
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

  @AfterEach
  void restore() {
    System.setOut(realOut);
    LoggingSetup.apply(new LoggingConfig("INFO", LogFormat.PRETTY));
  }

  private String logWith(LoggingConfig config) {
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    LoggingSetup.apply(config);
    LoggerFactory.getLogger("dev.paastis.test").info("app {} started in {} ms", "shop", 42);
    LoggerFactory.getLogger("dev.paastis.test").debug("a detail");
    return captured.toString(StandardCharsets.UTF_8);
  }

  @Test
  void json_format_writes_one_json_object_per_line() {
    String output = logWith(new LoggingConfig("INFO", LogFormat.JSON));

    JsonObject line = new JsonObject(output.lines().findFirst().orElseThrow());
    assertThat(line.getString("message")).isEqualTo("app shop started in 42 ms");
    assertThat(line.getString("level")).isEqualTo("INFO");
    assertThat(output.lines()).hasSize(1);
  }

  @Test
  void pretty_format_writes_readable_lines() {
    String output = logWith(new LoggingConfig("INFO", LogFormat.PRETTY));

    assertThat(output).contains("app shop started in 42 ms").doesNotContain("{\"");
  }

  @Test
  void the_level_filters_what_is_written() {
    assertThat(logWith(new LoggingConfig("DEBUG", LogFormat.PRETTY))).contains("a detail");
    captured.reset();
    assertThat(logWith(new LoggingConfig("WARN", LogFormat.PRETTY))).isEmpty();
  }

  @Test
  void auto_picks_json_when_no_terminal_is_attached() {
    // surefire runs tests without a console
    assertThat(LoggingSetup.isJson(LogFormat.AUTO)).isEqualTo(System.console() == null);
    assertThat(LoggingSetup.isJson(LogFormat.JSON)).isTrue();
    assertThat(LoggingSetup.isJson(LogFormat.PRETTY)).isFalse();
  }
}
