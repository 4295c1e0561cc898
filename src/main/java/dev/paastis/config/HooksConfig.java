package dev.paastis.config;

import java.time.Duration;
import java.util.Optional;

/** Shell commands run around starts and stops (HOOKS_*), each bounded by HOOKS_TIMEOUT. */
public record HooksConfig(
    Optional<String> beforeStart,
    Optional<String> afterStart,
    Optional<String> beforeStop,
    Optional<String> afterStop,
    Duration timeout) {

  public static HooksConfig none() {
    return new HooksConfig(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Duration.ofSeconds(60));
  }
}
