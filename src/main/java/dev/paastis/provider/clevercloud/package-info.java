/**
 * The Clever Cloud provider, on the API v2 with OAuth 1.0a. {@link
 * dev.paastis.provider.clevercloud.CleverCloudProvider} is the entry point.
 *
 * <h2>What Clever Cloud's front answers for an app that cannot serve</h2>
 *
 * What readiness relies on ({@link dev.paastis.provider.RouterPages}), with its sources:
 *
 * <ul>
 *   <li>Apps are reached through Sōzu, the reverse proxy Clever Cloud maintains (sozu-proxy/sozu;
 *       its issue #4 asks to "serve a static page when no front matches the host ... (ie the 404
 *       clever page)").
 *   <li>Sōzu answers <b>404</b> when no frontend matches the request's host, and <b>503</b> when
 *       the app's cluster has no backend to send it to; also 502 and 504 for a broken or slow
 *       backend (the default answers of {@code lib/src/protocol/kawa_h1/answers.rs}; issue #167:
 *       503 once out of backends). Clever Cloud replaces the bodies with its own pages.
 *   <li>Sōzu's own answers carry a {@code Sozu-Id} header, but so does every response it proxies
 *       ({@code added_response_header}; seen on apps' own 200s): no header tells its page from the
 *       app's answer.
 *   <li>Not found in the sources read: whether an undeployed app keeps a frontend without backends
 *       (503) or loses it (404). The test fake answers 404 while no instance is {@code UP}, the
 *       harder case.
 * </ul>
 *
 * Hence on Clever Cloud 502, 503 and 504 are never the app serving, and a <b>404</b> is {@link
 * dev.paastis.provider.AnswerOrigin#UNCERTAIN}: it counts as the app's answer (an app may well
 * answer 404 at its root) only once the API reports an instance {@code UP}.
 */
package dev.paastis.provider.clevercloud;
