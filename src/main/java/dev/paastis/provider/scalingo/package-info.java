/**
 * The Scalingo provider, on the regional APIs v1 and the token exchange of auth.scalingo.com.
 * {@link dev.paastis.provider.scalingo.ScalingoProvider} is the entry point.
 *
 * <h2>What Scalingo's routers answer for an app that cannot serve</h2>
 *
 * What readiness relies on ({@link dev.paastis.provider.RouterPages}), with its sources:
 *
 * <ul>
 *   <li>The routers answer <b>503</b> when "the application has been stopped by its owner", when it
 *       "has no web container responding to web requests", and when its request queue is full;
 *       <b>502</b> for an invalid answer of the app or all its containers in quarantine; <b>504</b>
 *       when the app timed out (doc.scalingo.com/platform/internals/router-error-codes).
 *   <li>Each of those comes with an error page the app's owner may replace: {@code
 *       SCALINGO_STOPPED_PAGE_URL} (no container running), {@code SCALINGO_NO_FRONT_ERROR_URL} (no
 *       web container but others), {@code SCALINGO_APP_ERROR_URL} (502, crash), {@code
 *       SCALINGO_TIMEOUT_ERROR_URL} (504) (doc.scalingo.com/platform/app/custom-error-page). The
 *       body is the owner's choice, so only the status is read.
 *   <li>Not found in the sources read: whether the routers hold requests while web containers boot.
 *       The test fake answers 503 until they run.
 * </ul>
 *
 * Hence Scalingo keeps {@link dev.paastis.provider.RouterPages#GATEWAY_ERRORS}: 502, 503 and 504
 * are never the app serving.
 */
package dev.paastis.provider.scalingo;
