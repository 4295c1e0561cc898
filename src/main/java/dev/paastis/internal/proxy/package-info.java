/**
 * The HTTP edge: host → app resolution, streaming forwarding on the Vert.x HTTP client, the
 * WebSocket tunnel, the waking page, and the answers to failures (domain failures get the statuses
 * of {@link dev.paastis.internal.lifecycle.FailureStatus}).
 */
package dev.paastis.internal.proxy;
