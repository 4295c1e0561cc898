package dev.paastis.internal.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paastis.testing.TestUpstream;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The busy probe against a real app on loopback. */
class BusyProbeTest {

  private final Vertx vertx = Vertx.vertx();
  private final BusyProbe probe =
      new BusyProbe(vertx, vertx.createHttpClient(UpstreamCheck.clientOptions()));

  @AfterEach
  void tearDown() {
    vertx.close().await();
  }

  @ParameterizedTest(name = "status {0}: busy {1}")
  @CsvSource({"409, true", "423, true", "200, false", "204, false", "404, false", "500, false"})
  void only_409_and_423_mean_busy(int status, boolean busy) throws Exception {
    TestUpstream app = TestUpstream.start(vertx);
    app.busyStatus.set(status);

    BusyProbe.Answer answer = probe.ask(app.uri(), "/busy", Duration.ofSeconds(2)).await();

    assertThat(answer.busy()).isEqualTo(busy);
    assertThat(answer.said()).isEqualTo("status " + status);
  }

  @Test
  void an_app_that_does_not_answer_in_time_is_not_busy() throws Exception {
    TestUpstream app = TestUpstream.start(vertx);

    BusyProbe.Answer answer = probe.ask(app.uri(), "/slow?ms=5000", Duration.ofMillis(200)).await();

    assertThat(answer.busy()).isFalse();
    assertThat(answer.said()).isEqualTo("no answer within PT0.2S");
  }

  @Test
  void an_app_that_refuses_the_connection_is_not_busy() {
    BusyProbe.Answer answer =
        probe.ask(URI.create("http://127.0.0.1:1"), "/busy", Duration.ofSeconds(2)).await();

    assertThat(answer.busy()).isFalse();
    assertThat(answer.said()).startsWith("no answer: ");
  }
}
