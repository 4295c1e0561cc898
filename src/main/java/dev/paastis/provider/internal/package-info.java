/**
 * Helpers several providers share: calling an HTTP API with timeouts, retries and backoff, the
 * cache of what was last read of each app ({@link dev.paastis.provider.internal.Readings}), and
 * reading many apps a few at a time within a budget ({@link
 * dev.paastis.provider.internal.FewAtATime}).
 */
package dev.paastis.provider.internal;
