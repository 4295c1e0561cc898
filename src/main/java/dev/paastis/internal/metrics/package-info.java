/**
 * The engine's metrics on Micrometer (a Prometheus registry of its own, or nothing when metrics are
 * off), and the decorators that count provider calls and registry and event-store failures. They
 * implement {@link dev.paastis.internal.lifecycle.Metrics}, the port through which the lifecycle
 * and the proxy report: the port stays with them, so that neither depends on this package.
 */
package dev.paastis.internal.metrics;
