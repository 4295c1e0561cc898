package dev.paastis.provider.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Copies one output stream of a child to the log, line by line, on a thread of its own (reading a
 * pipe blocks). The logger is {@code dev.paastis.provider.local.app.<name>}; the MDC holds {@code
 * app} and {@code stream}.
 */
final class OutputPump implements Runnable {

  private static final String LOGGER_PREFIX = "dev.paastis.provider.local.app.";

  private final String app;
  private final String stream;
  private final InputStream input;
  private final Logger log;

  private OutputPump(String app, String stream, InputStream input) {
    this.app = app;
    this.stream = stream;
    this.input = input;
    this.log = LoggerFactory.getLogger(LOGGER_PREFIX + app);
  }

  /** Starts a daemon thread that logs {@code input} until the child closes it. */
  static void start(String app, String stream, InputStream input) {
    Thread thread =
        new Thread(new OutputPump(app, stream, input), "paastis-local-" + app + "-" + stream);
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void run() {
    MDC.put("app", app);
    MDC.put("stream", stream);
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        log.info("[{}] {}", app, line);
      }
    } catch (IOException e) {
      log.debug("[{}] {} closed: {}", app, stream, e.getMessage());
    } finally {
      MDC.clear();
    }
  }
}
