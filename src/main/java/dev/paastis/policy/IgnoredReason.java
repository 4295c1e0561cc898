package dev.paastis.policy;

/** Why a request was not allowed to wake its app. */
public enum IgnoredReason {
  /** Its user agent is a monitor or a crawler. */
  USER_AGENT("user_agent"),
  /** Its path is one that must not wake the app (a health check, a well-known file...). */
  PATH("path");

  private final String value;

  IgnoredReason(String value) {
    this.value = value;
  }

  /** The name in events, metrics and logs: {@code user_agent}, {@code path}. */
  public String value() {
    return value;
  }
}
