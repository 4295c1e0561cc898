/**
 * Wake and sleep: single-flight start per app and its linked apps, readiness, hooks, formation
 * restore, the domain exceptions, and {@link dev.paastis.lifecycle.FailureStatus}, the one table of
 * their HTTP statuses that the proxy and the admin API read. Also {@link
 * dev.paastis.lifecycle.Metrics}, the port through which the engine reports (implemented in {@code
 * dev.paastis.metrics}).
 */
package dev.paastis.lifecycle;
