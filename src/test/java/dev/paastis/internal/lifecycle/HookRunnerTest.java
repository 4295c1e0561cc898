package dev.paastis.internal.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paastis.config.HooksConfig;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HookRunnerTest {

  private final Vertx vertx = Vertx.vertx();
  @TempDir Path dir;

  @AfterEach
  void tearDown() {
    vertx.close().await();
  }

  private HookRunner runner(String beforeStart, Duration timeout) {
    return new HookRunner(
        vertx,
        new HooksConfig(
            Optional.of(beforeStart),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            timeout));
  }

  @Test
  void a_hook_sees_the_app_the_provider_and_the_phase_in_its_environment() throws Exception {
    Path out = dir.resolve("env.txt");
    String command = "echo \"$PAASTIS_APP_NAME $PAASTIS_PROVIDER $PAASTIS_PHASE\" > '" + out + "'";

    runner(command, Duration.ofSeconds(10)).run(HookPhase.BEFORE_START, "shop", "local").await();

    assertThat(Files.readString(out).trim()).isEqualTo("shop local before-start");
  }

  @Test
  void a_failing_hook_does_not_fail_the_lifecycle() {
    var result = runner("exit 3", Duration.ofSeconds(10)).run(HookPhase.BEFORE_START, "a", "local");

    result.await();
    assertThat(result.succeeded()).isTrue();
  }

  @Test
  void a_hook_past_its_timeout_is_killed_and_the_lifecycle_goes_on() throws Exception {
    Path marker = dir.resolve("finished");
    var result =
        runner("sleep 30; touch '" + marker + "'", Duration.ofMillis(300))
            .run(HookPhase.BEFORE_START, "a", "local");

    result.await();
    assertThat(result.succeeded()).isTrue();
    assertThat(marker).doesNotExist();
  }

  @Test
  void a_phase_without_a_hook_does_nothing() {
    var result = runner("exit 1", Duration.ofSeconds(1)).run(HookPhase.AFTER_STOP, "a", "local");

    assertThat(result.succeeded()).isTrue();
  }
}
