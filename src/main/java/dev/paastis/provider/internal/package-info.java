/**
 * Helpers several providers share: calling an HTTP API with timeouts, retries and backoff, and the
 * cache of what was last read of each app ({@link dev.paastis.provider.internal.Readings}).
 */
package dev.paastis.provider.internal;
