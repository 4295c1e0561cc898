/** The in-memory registry, the default. */
package dev.paastis.registry.memory;
