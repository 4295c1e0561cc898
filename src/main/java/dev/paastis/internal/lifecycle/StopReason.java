package dev.paastis.internal.lifecycle;

/** Why Paastis stops an app; recorded in the APP_STOPPED event and the stop metric. */
public enum StopReason {
  IDLE,
  MANUAL,
  SCHEDULE;

  public String value() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
