/**
 * The provider seam: the {@link dev.paastis.provider.Provider} interface, its optional abilities
 * and its typed exceptions. It imports none of its implementations: the composition root chooses
 * them by name.
 */
package dev.paastis.provider;
