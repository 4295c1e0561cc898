/**
 * Wake and sleep: single-flight start per app and its linked apps, readiness, hooks, formation
 * restore, and the domain exceptions mapped to HTTP statuses at the proxy edge. Also {@link
 * dev.paastis.lifecycle.Metrics}, the port through which the engine reports (implemented in {@code
 * dev.paastis.metrics}).
 */
package dev.paastis.lifecycle;
