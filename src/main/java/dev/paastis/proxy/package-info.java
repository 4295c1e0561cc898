/**
 * The HTTP edge: host → app resolution, streaming forwarding on the Vert.x HTTP client, the
 * WebSocket tunnel, the waking page, and the mapping of domain failures to 400/404/502/503.
 */
package dev.paastis.proxy;
