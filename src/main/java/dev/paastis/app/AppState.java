package dev.paastis.app;

/** The state of an app as Paastis understands it, whatever the provider's own vocabulary. */
public enum AppState {
  /** Serving requests: they are forwarded at once. */
  RUNNING,
  /** Scaled to zero: a request starts it. */
  STOPPED,
  /** Asked to start, not serving yet. */
  STARTING,
  /** Asked to stop, not stopped yet. */
  STOPPING,
  /** Crashed, or its start failed: a request starts it again. */
  FAILED,
  /** The provider's answer could not be mapped, or the app was not read yet. */
  UNKNOWN;

  /** True when requests can be forwarded to the app without starting it first. */
  public boolean isServing() {
    return this == RUNNING;
  }
}
