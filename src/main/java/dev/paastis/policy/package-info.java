/**
 * Sleep policy: the decisions beyond idle time — schedule windows, requests that must not wake an
 * app, the activity history and the pre-warm plan. Pure values and functions of an injected
 * instant; the scheduler and the proxy act on them.
 */
package dev.paastis.policy;
