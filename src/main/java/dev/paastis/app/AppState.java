package dev.paastis.app;

/** The state of an app as Paastis understands it, whatever the provider's own vocabulary. */
public enum AppState {
  RUNNING,
  STOPPED,
  STARTING,
  STOPPING,
  FAILED,
  UNKNOWN;

  /** True when requests can be forwarded to the app without starting it first. */
  public boolean isServing() {
    return this == RUNNING;
  }
}
