package dev.paastis.config;

import java.util.Objects;
import java.util.Optional;

/** A configuration value that must never be printed or logged: its toString is redacted. */
public record Secret(String value) {

  public Secret {
    Objects.requireNonNull(value, "value");
  }

  /** {@code ****} when the secret is set, empty when not: how a secret is printed. */
  public static String redacted(Optional<Secret> secret) {
    return secret.isPresent() ? "****" : "";
  }

  @Override
  public String toString() {
    return "****";
  }
}
