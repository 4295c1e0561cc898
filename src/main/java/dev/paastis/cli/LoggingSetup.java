package dev.paastis.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import dev.paastis.config.LogFormat;
import dev.paastis.config.LoggingConfig;
import net.logstash.logback.encoder.LogstashEncoder;
import org.slf4j.LoggerFactory;

/**
 * Applies LOGGING_LEVEL and LOG_FORMAT to Logback: readable lines when a person watches a terminal,
 * JSON lines (one object per line) when the output goes to a file or a log collector.
 */
final class LoggingSetup {

  private static final String PRETTY_PATTERN =
      "%d{HH:mm:ss.SSS} %highlight(%-5level) %cyan(%-24logger{24}) %msg%n";

  private LoggingSetup() {}

  static void apply(LoggingConfig config) {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.detachAndStopAllAppenders();
    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setName("console");
    console.setEncoder(encoder(context, isJson(config.format())));
    console.start();
    root.addAppender(console);
    root.setLevel(Level.toLevel(config.level(), Level.INFO));
  }

  static boolean isJson(LogFormat format) {
    return switch (format) {
      case JSON -> true;
      case PRETTY -> false;
      case AUTO -> System.console() == null;
    };
  }

  private static Encoder<ILoggingEvent> encoder(LoggerContext context, boolean json) {
    if (json) {
      LogstashEncoder encoder = new LogstashEncoder();
      encoder.setContext(context);
      encoder.start();
      return encoder;
    }
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(PRETTY_PATTERN);
    encoder.start();
    return encoder;
  }
}
