/**
 * Wake and sleep: single-flight start per app and its linked apps, readiness, hooks, formation
 * restore, and the domain exceptions mapped to HTTP statuses at the proxy edge.
 */
package dev.paastis.lifecycle;
