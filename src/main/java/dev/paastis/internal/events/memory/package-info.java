/** The bounded in-memory event store, the default. */
package dev.paastis.internal.events.memory;
