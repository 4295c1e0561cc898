/** The in-memory registry, the default. */
package dev.paastis.internal.registry.memory;
