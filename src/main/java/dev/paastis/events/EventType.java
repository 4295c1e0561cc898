package dev.paastis.events;

/**
 * What happened to an app. The first seven are the names of the original Paastis event store; the
 * others come with the sleep policy.
 */
public enum EventType {
  /** A listing showed an app running that Paastis did not track. */
  APP_DISCOVERED,
  /** Paastis tracks the app: it will stop it once idle. */
  APP_REGISTERED,
  /** A wake began: Paastis asked the provider to start the app. */
  APP_STARTING,
  /** The app answers: its waiting requests are forwarded. */
  APP_STARTED,
  /** A wake failed or timed out; details: {@code reason}, {@code durationMs}. */
  APP_START_FAILED,
  /** Paastis stopped the app; details: {@code reason} (idle, manual, schedule...). */
  APP_STOPPED,
  /** Paastis no longer tracks the app (gone from the provider, or ignored). */
  APP_UNREGISTERED,
  /** An operator pinned the app awake; details: {@code until}. */
  APP_PINNED,
  /** The app's pin was ended before its time. */
  APP_UNPINNED,
  /** The app answered its busy probe: its idle stop is postponed; details: {@code until}. */
  APP_STOP_VETOED,
  /** Started ahead of the hours it is usually used in; details: {@code for_hour}. */
  APP_PREWARMED
}
