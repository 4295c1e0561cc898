/**
 * Wake and sleep, one job per class: {@link dev.paastis.internal.lifecycle.AppCatalog} the one read
 * model of app state; {@link dev.paastis.internal.lifecycle.AppGate} what the proxy sees; {@link
 * dev.paastis.internal.lifecycle.Waker} single-flight wakes of an app and its linked apps,
 * readiness, hooks, formation restore, within a deadline; {@link
 * dev.paastis.internal.lifecycle.ReadinessProbe} the app's own answer at its web URL, probed around
 * its boot time learned from its previous wakes ({@link dev.paastis.internal.lifecycle.BootTimes});
 * {@link dev.paastis.internal.lifecycle.Stopper} stops with the in-flight guard; {@link
 * dev.paastis.internal.registry.AppTracker} the one writer of tracked apps; the domain exceptions,
 * and {@link dev.paastis.internal.lifecycle.FailureStatus}, the one table of their HTTP statuses
 * that the proxy and the admin API read. Also {@link dev.paastis.internal.lifecycle.Metrics}, the
 * port through which the engine reports (implemented in {@code dev.paastis.internal.metrics}).
 */
package dev.paastis.internal.lifecycle;
