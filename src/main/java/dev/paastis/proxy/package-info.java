/**
 * The HTTP edge: host → app resolution, forwarding with vertx-http-proxy, the waking page, and the
 * mapping of domain failures to 400/404/502/503.
 */
package dev.paastis.proxy;
