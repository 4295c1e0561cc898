package dev.paastis.events;

/** What happened to an app. Names are those of the original Paastis event store. */
public enum EventType {
  APP_DISCOVERED,
  APP_REGISTERED,
  APP_STARTING,
  APP_STARTED,
  APP_START_FAILED,
  APP_STOPPED,
  APP_UNREGISTERED
}
