package dev.paastis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TRANSPORT in the real jar: named explicitly, a transport that cannot load stops Paastis with the
 * reason; {@code auto} falls back to what loads. Netty's native transports are switched off with
 * its own property, as a system without them would be.
 */
class TransportIT {

  private static final List<String> NO_NATIVE = List.of("-Dio.netty.transport.noNative=true");

  @TempDir Path dir;

  @Test
  void a_transport_named_that_cannot_load_stops_paastis_with_the_reason() throws Exception {
    PaastisProcess.writeOneLocalApp(dir);

    var result =
        PaastisProcess.run(dir, Map.of("TRANSPORT", "io_uring", "PORT", "0"), NO_NATIVE, "serve");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.output())
        .contains("TRANSPORT=io_uring cannot be used here", "explicit disabled", "use auto")
        .doesNotContain("\tat ");
  }

  @Test
  void auto_falls_back_to_the_jdks_transport_and_says_so() throws Exception {
    PaastisProcess.writeOneLocalApp(dir);
    int port = PaastisProcess.freePort();

    try (PaastisProcess paastis =
        PaastisProcess.start(dir, Map.of("PORT", String.valueOf(port)), NO_NATIVE, "serve")) {
      paastis.awaitPort(port, Duration.ofSeconds(30));

      assertThat(paastis.awaitOutput("Paastis listening", Duration.ofSeconds(30)))
          .contains("TRANSPORT=auto: io_uring cannot be used here (Native transport was explicit")
          .contains("TRANSPORT=auto: epoll cannot be used here")
          .contains("(nio transport)");
    }
  }

  @Test
  void by_default_paastis_runs_on_a_native_transport_here() throws Exception {
    PaastisProcess.writeOneLocalApp(dir);
    int port = PaastisProcess.freePort();

    try (PaastisProcess paastis =
        PaastisProcess.start(dir, Map.of("PORT", String.valueOf(port)), List.of(), "serve")) {
      paastis.awaitPort(port, Duration.ofSeconds(30));

      // Linux machines like CI's allow io_uring; containers refusing it get epoll
      assertThat(paastis.awaitOutput("Paastis listening", Duration.ofSeconds(30)))
          .containsAnyOf("(io_uring transport)", "(epoll transport)");
    }
  }
}
