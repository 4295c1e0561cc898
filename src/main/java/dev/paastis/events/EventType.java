package dev.paastis.events;

/**
 * What happened to an app. The first seven are the names of the original Paastis event store; the
 * others come with the sleep policy.
 */
public enum EventType {
  APP_DISCOVERED,
  APP_REGISTERED,
  APP_STARTING,
  APP_STARTED,
  APP_START_FAILED,
  APP_STOPPED,
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
