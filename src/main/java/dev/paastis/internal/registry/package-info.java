/**
 * The engine's side of the registry: {@link dev.paastis.internal.registry.AppTracker}, the one
 * writer of tracked apps ({@link dev.paastis.internal.registry.RegistryTracker} on any {@code
 * Registry} for one instance), and {@link dev.paastis.internal.registry.Peers}, the other instances
 * sharing a registry.
 */
package dev.paastis.internal.registry;
