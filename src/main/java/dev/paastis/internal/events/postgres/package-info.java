/**
 * The event history in PostgreSQL (EVENTS_STORE_TYPE=postgres): migrated by Flyway, written in
 * ordered batches, shared by instances. {@link
 * dev.paastis.internal.events.postgres.PostgresEventStore} is its entry point.
 */
package dev.paastis.internal.events.postgres;
