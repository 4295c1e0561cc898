/** Helpers several providers share: calling an HTTP API with timeouts, retries and backoff. */
package dev.paastis.provider.internal;
