package dev.paastis.config;

/** LOGGING_LEVEL (or LOG_LEVEL) and LOG_FORMAT. Level is one of trace..error, upper case. */
public record LoggingConfig(String level, LogFormat format) {}
