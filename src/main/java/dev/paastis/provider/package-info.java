/**
 * The provider seam: the {@link dev.paastis.provider.Provider} interface, its optional abilities
 * ({@link dev.paastis.provider.CallBudget}...), its typed exceptions, and {@link
 * dev.paastis.provider.FewAtATime} for spending many calls a few at a time. It imports none of its
 * implementations: the composition root chooses them by name.
 */
package dev.paastis.provider;
