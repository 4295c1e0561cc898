/**
 * Wake and sleep: single-flight start per app and its linked apps, readiness, hooks, formation
 * restore, and the domain exceptions mapped to HTTP statuses at the proxy edge. Also the engine's
 * {@link dev.paastis.lifecycle.Metrics}, and the decorators that count provider calls and registry
 * and event-store failures.
 */
package dev.paastis.lifecycle;
