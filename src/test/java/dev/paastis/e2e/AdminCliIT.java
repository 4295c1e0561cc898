package dev.paastis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code paastis apps}, {@code start}, {@code stop} and {@code events} as a user runs them: the
 * jar, in another process, against {@code paastis demo} with its admin listener on.
 */
class AdminCliIT {

  private static final String TOKEN = "e2e-admin-token-9012";

  @TempDir Path dir;
  private PaastisProcess demo;
  private Map<String, String> env;

  @BeforeEach
  void startDemo() throws Exception {
    int adminPort = PaastisProcess.freePort();
    demo =
        PaastisProcess.start(
            dir,
            Map.of(
                "PORT",
                Integer.toString(PaastisProcess.freePort()),
                "HOST",
                "127.0.0.1",
                "ADMIN_ENABLED",
                "true",
                "ADMIN_PORT",
                Integer.toString(adminPort),
                "ADMIN_API_TOKEN",
                TOKEN,
                "LOG_FORMAT",
                "pretty"),
            List.of(),
            "demo");
    demo.awaitPort(adminPort, Duration.ofSeconds(30));
    env = Map.of("PAASTIS_ADMIN_URL", "http://127.0.0.1:" + adminPort, "ADMIN_API_TOKEN", TOKEN);
  }

  @AfterEach
  void stopDemo() throws Exception {
    if (demo != null) {
      demo.close();
    }
  }

  private PaastisProcess.Result paastis(String... args) throws Exception {
    return PaastisProcess.run(dir, env, args);
  }

  @Test
  void start_apps_events_and_stop_through_the_admin_listener() throws Exception {
    PaastisProcess.Result start = paastis("start", "hello");
    assertThat(start.exitCode()).as(start.output()).isZero();
    assertThat(start.output()).startsWith("hello is RUNNING (");

    PaastisProcess.Result apps = paastis("apps");
    assertThat(apps.exitCode()).as(apps.output()).isZero();
    assertThat(apps.output().lines())
        .first()
        .asString()
        .matches("NAME +STATE +PROVIDER +REGION +LAST ACCESS +WHY +CHANGES IN +SLEPT 7D");
    assertThat(apps.output().lines())
        .anyMatch(line -> line.matches("hello +RUNNING +local +- .*"))
        .anyMatch(line -> line.matches("world +STOPPED +local +- .*"));

    PaastisProcess.Result events = paastis("events", "--app", "hello", "--since", "1h");
    assertThat(events.exitCode()).as(events.output()).isZero();
    assertThat(events.output()).contains("APP_STARTED").doesNotContain("world");

    PaastisProcess.Result stop = paastis("stop", "hello");
    assertThat(stop.exitCode()).as(stop.output()).isZero();
    assertThat(stop.output()).startsWith("hello is STOPPED (");
  }

  @Test
  void a_refused_token_exits_1_with_one_line_that_does_not_show_it() throws Exception {
    PaastisProcess.Result refused = paastis("apps", "--token", "wrong-token-3456");

    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.output())
        .startsWith("paastis: the admin API at " + env.get("PAASTIS_ADMIN_URL") + " refused")
        .doesNotContain("wrong-token-3456")
        .doesNotContain(TOKEN)
        .hasLineCount(1);
  }
}
