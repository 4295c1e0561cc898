package dev.paastis.provider.local;

import static dev.paastis.provider.local.LocalTesting.join;
import static dev.paastis.provider.local.LocalTesting.shellApp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.paastis.app.Formation;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class ChildOutputLogTest {

  @TempDir Path dir;
  private final Vertx vertx = Vertx.vertx();
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final Logger appLogger =
      (Logger) LoggerFactory.getLogger("dev.paastis.provider.local.app.chatty");

  @BeforeEach
  void captureTheAppLog() {
    appender.start();
    appLogger.addAppender(appender);
  }

  @AfterEach
  void release() {
    appLogger.detachAppender(appender);
    join(vertx.close());
  }

  @Test
  void everyLineOfStdoutAndStderrIsLoggedUnderTheAppName() {
    String command = "echo 'to stdout'; echo 'to stderr' >&2; exec sleep 60";
    LocalProvider provider =
        new LocalProvider(vertx, Duration.ofSeconds(30), List.of(shellApp("chatty", command, dir)));

    join(provider.start("chatty", Formation.DEFAULT));
    await().atMost(LocalTesting.PATIENCE).until(() -> appender.list.size() >= 2);
    join(provider.close());

    assertThat(appender.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .containsExactlyInAnyOrder("[chatty] to stdout", "[chatty] to stderr");
    assertThat(appender.list)
        .extracting(event -> event.getMDCPropertyMap().get("app"))
        .containsOnly("chatty");
    assertThat(appender.list)
        .extracting(event -> event.getMDCPropertyMap().get("stream"))
        .containsExactlyInAnyOrder("stdout", "stderr");
  }
}
