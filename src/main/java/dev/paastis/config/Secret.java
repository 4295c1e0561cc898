package dev.paastis.config;

import java.util.Objects;

/** A configuration value that must never be printed or logged: its toString is redacted. */
public record Secret(String value) {

  public Secret {
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String toString() {
    return "****";
  }
}
