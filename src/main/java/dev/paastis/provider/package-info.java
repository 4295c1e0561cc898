/**
 * The provider seam: the {@link dev.paastis.provider.Provider} interface, its typed exceptions and
 * the one factory that maps a provider name to its implementation.
 */
package dev.paastis.provider;
