/**
 * The engine's side of events: {@link dev.paastis.internal.events.EventFeed}, the live feed that
 * {@code Paastis.onEvent} subscribes to, and {@link dev.paastis.internal.events.EventWire}, the
 * JSON form in which instances pass events to each other.
 */
package dev.paastis.internal.events;
