/** Domain events (app discovered, started, stopped...) and the {@link EventStore} seam. */
package dev.paastis.events;
