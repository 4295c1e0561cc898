package dev.paastis.config;

/** LOG_FORMAT: readable lines on a terminal and JSON lines otherwise, unless forced. */
public enum LogFormat {
  AUTO,
  JSON,
  PRETTY
}
