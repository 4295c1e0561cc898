package dev.paastis.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paastis.config.LocalAppConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DemoAppsTest {

  @Test
  void declaresADemoAppCheckedOnHealthWithAShortGrace() {
    LocalAppConfig app = DemoApps.demoApp("shop", 4100, Path.of("/srv"));

    assertThat(app.name()).isEqualTo("shop");
    assertThat(app.port()).isEqualTo(4100);
    assertThat(app.healthPath()).isEqualTo("/health");
    assertThat(app.stopGrace()).isEqualTo(Duration.ofSeconds(5));
    assertThat(app.workingDirectory()).isEqualTo(Path.of("/srv"));
    assertThat(app.command())
        .startsWith("exec '" + System.getProperty("java.home"))
        .contains("'dev.paastis.demo.DemoApp' '--name' 'shop' '--port' '4100'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"plain", "it's", "'", "a b", "$HOME", "\"q\" `x` \\ ;|&", ""})
  void quotedWordsReachTheProgramUnchanged(String word) throws Exception {
    Process printf = new ProcessBuilder("sh", "-c", "printf %s " + DemoApps.quote(word)).start();

    String printed = new String(printf.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(printf.waitFor()).isZero();
    assertThat(printed).isEqualTo(word);
  }

  @Test
  void flagsWinOverTheEnvironment() {
    DemoArgs args =
        DemoArgs.parse(new String[] {"--port", "4200"}, Map.of("PORT", "4100", "APP_NAME", "shop"));

    assertThat(args).isEqualTo(new DemoArgs("shop", 4200));
  }

  @Test
  void readsTheBusyFile() {
    DemoArgs args =
        DemoArgs.parse(new String[] {"--port", "4200", "--busy-file", "/tmp/job.lock"}, Map.of());

    assertThat(args.busyFile()).contains(Path.of("/tmp/job.lock"));
    assertThat(DemoArgs.parse(new String[] {"--port", "4200"}, Map.of()).busyFile()).isEmpty();
  }

  @Test
  void refusesAMissingOrBadPortNamingIt() {
    assertThatThrownBy(() -> DemoArgs.parse(new String[0], Map.of()))
        .hasMessageContaining("--port");
    assertThatThrownBy(() -> DemoArgs.parse(new String[] {"--port", "http"}, Map.of()))
        .hasMessageContaining("got http");
    assertThatThrownBy(() -> DemoArgs.parse(new String[] {"--name"}, Map.of("PORT", "1")))
        .hasMessageContaining("--name needs a value");
  }
}
