package dev.paastis.internal.lifecycle;

/** When a hook runs; {@link #value()} is what the hook sees in PAASTIS_PHASE. */
public enum HookPhase {
  BEFORE_START("before-start"),
  AFTER_START("after-start"),
  BEFORE_STOP("before-stop"),
  AFTER_STOP("after-stop");

  private final String value;

  HookPhase(String value) {
    this.value = value;
  }

  public String value() {
    return value;
  }
}
