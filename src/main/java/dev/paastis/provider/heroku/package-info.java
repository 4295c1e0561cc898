/**
 * The Heroku provider, on the Platform API v3. {@link dev.paastis.provider.heroku.HerokuProvider}
 * is the entry point.
 *
 * <h2>What Heroku's router answers for an app that cannot serve</h2>
 *
 * What readiness relies on ({@link dev.paastis.provider.RouterPages}), with its sources:
 *
 * <ul>
 *   <li>The router serves its own page, unstyled HTML with status <b>503</b>, for "system-level"
 *       errors and in maintenance mode; the app's own errors (a 404, a 500) are served as the app
 *       sent them (devcenter.heroku.com/articles/error-pages). Its default page is titled
 *       "Application Error" and frames {@code
 *       //www.herokucdn.com/error-pages/application-error.html} (seen verbatim in client logs
 *       quoted by public repositories; the error-pages article names the herokucdn templates).
 *   <li>A stopped app (web formation at 0) gets H14 "No web processes running", a crashed one H10
 *       "App crashed", both {@code status=503} in the router log; an app without a release gets H81
 *       "Blank app", {@code status=502} (devcenter.heroku.com/articles/error-codes; router log
 *       lines quoted in public issues).
 *   <li>While web dynos boot, "the router will enqueue requests for 75 seconds while waiting for
 *       starting processes to reach an 'up' state", then answers H20 "App boot timeout" (503)
 *       (devcenter error-codes, H20). So a probe sent during a boot is held and answered by the app
 *       the moment a dyno is up.
 *   <li>Every response through the router, the app's own included, carries {@code Via} ({@code 1.1
 *       vegur} on the legacy router, {@code 1.1 heroku-router} or {@code 2.0 heroku-router} on
 *       Router 2.0, which also sends {@code Server: Heroku}): no header tells the router's page
 *       from the app's answer, the status does.
 * </ul>
 *
 * Hence Heroku keeps {@link dev.paastis.provider.RouterPages#GATEWAY_ERRORS}: 502, 503 and 504 are
 * never the app serving.
 */
package dev.paastis.provider.heroku;
