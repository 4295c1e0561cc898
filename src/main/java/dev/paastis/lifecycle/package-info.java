/**
 * Wake and sleep, one job per class: {@link dev.paastis.lifecycle.AppCatalog} the one read model of
 * app state; {@link dev.paastis.lifecycle.AppGate} what the proxy sees; {@link
 * dev.paastis.lifecycle.Waker} single-flight wakes of an app and its linked apps, readiness, hooks,
 * formation restore, within a deadline; {@link dev.paastis.lifecycle.Stopper} stops with the
 * in-flight guard; {@link dev.paastis.lifecycle.AppTracker} the one writer of tracked apps; the
 * domain exceptions mapped to HTTP statuses at the edges. Also the engine's {@link
 * dev.paastis.lifecycle.Metrics}, and the decorators that count provider calls and registry and
 * event-store failures.
 */
package dev.paastis.lifecycle;
