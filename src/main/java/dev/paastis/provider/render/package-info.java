/**
 * The Render provider, on Render's public REST API v1. {@link
 * dev.paastis.provider.render.RenderProvider} is the entry point.
 *
 * <h2>The API contract relied on</h2>
 *
 * Sources: RAPI = Render's OpenAPI document "Render Public API" as render-oss/cli generates its
 * client from it (render-oss/cli @ 85c8c2c, {@code pkg/client/client_gen.go}, {@code
 * pkg/client/types_gen.go}; the same document is copied in api-evangelist/render); RCLI = that
 * CLI's own code ({@code pkg/client/client.go} {@code ListAll}, {@code client_test.go}, {@code
 * pkg/deploy/util.go}); RDOC = api-docs.render.com {@code reference/rate-limiting}, {@code
 * reference/pagination}, {@code reference/authentication}; render.com/docs {@code
 * zero-downtime-deploys}. Also /work/shared/PROVIDERS.md §5.
 *
 * <ul>
 *   <li><b>Auth.</b> {@code Authorization: Bearer <API key>} on every call; a missing or wrong key
 *       gets 401 (RAPI, RCLI {@code ErrUnauthorized}). A key sees every workspace of its user; a
 *       service's {@code ownerId} is its workspace.
 *   <li><b>Listing.</b> {@code GET /services} with filters {@code type=web_service}, {@code
 *       ownerId}, {@code name}; {@code limit} 1 to 100 (default 20) and {@code cursor}. The body is
 *       a JSON array of {@code {"cursor": "...", "service": {...}}}: the next page is asked with
 *       the cursor of the last item, and the listing is over on an empty page or one shorter than
 *       the limit (RCLI {@code ListAll}, which asks 100). No total, no Link header.
 *   <li><b>Service.</b> {@code id} ({@code srv-…}), {@code name}, {@code ownerId}, {@code type},
 *       {@code suspended} ({@code suspended} | {@code not_suspended}), {@code suspenders} ({@code
 *       admin}, {@code billing}, {@code user}, {@code parent_service}, {@code stuck_crashlooping},
 *       {@code hipaa_enablement}, {@code unknown}), {@code serviceDetails.url} (the public {@code
 *       https://<slug>.onrender.com}), {@code serviceDetails.numInstances}, {@code
 *       serviceDetails.region} (RAPI {@code Service}, {@code WebServiceDetails}).
 *   <li><b>Suspend and resume.</b> {@code POST /services/{id}/suspend} and {@code .../resume}, no
 *       body, answer <b>202</b> with no documented body; resume acts "if it's currently suspended"
 *       (RAPI). Resuming goes through a deploy: the deploy {@code trigger} enum has {@code
 *       service_resumed} (RAPI {@code DeployTrigger}). How long it takes is not documented: it is a
 *       deploy, so {@code PROVIDER_RENDER_OPERATION_TIMEOUT} defaults to 120 s.
 *   <li><b>Deploys.</b> {@code GET /services/{id}/deploys?limit=n}, an array of {@code {"cursor",
 *       "deploy": {id, status, trigger, createdAt, finishedAt…}}}, taken newest first as every
 *       client does with {@code limit=1} (the order is not stated in RAPI). {@code status} ∈ {@code
 *       created}, {@code queued}, {@code build_in_progress}, {@code update_in_progress}, {@code
 *       pre_deploy_in_progress}, {@code live}, {@code deactivated}, {@code build_failed}, {@code
 *       update_failed}, {@code pre_deploy_failed}, {@code canceled} (RAPI {@code DeployStatus});
 *       RCLI counts the failures, {@code canceled}, {@code live} and {@code deactivated} as over. A
 *       failed deploy leaves the previous one serving (zero-downtime-deploys).
 *   <li><b>Errors.</b> {@code {"id": "...", "message": "..."}}; but a 429 comes as {@code {"error":
 *       "rate limit exceeded"}} (RCLI {@code client_test.go}), so its body is not read.
 *   <li><b>Rate limits</b> (RDOC): suspend, resume and deploy 10 a minute <i>per service</i>; other
 *       POSTs 30 a minute; GETs 400 a minute for the user (another copy of the page says 100), all
 *       GETs together. Answers carry {@code Ratelimit-Limit}, {@code Ratelimit-Remaining}, {@code
 *       Ratelimit-Reset}; RAPI also declares {@code Retry-After} on a 429, which {@link
 *       dev.paastis.provider.internal.RetryPolicy} honours, with its backoff when it is missing
 *       (Render asks for exponential backoff).
 * </ul>
 *
 * <h2>State</h2>
 *
 * Suspended → STOPPED, or FAILED when a suspender is {@code admin} or {@code billing} (its owner
 * cannot resume it). Not suspended, by the newest deploy: {@code live} → RUNNING; on its way
 * ({@code created}, {@code queued}, {@code *_in_progress}) or {@code deactivated} (a resume
 * accepted, its deploy not created yet) → STARTING; failed or {@code canceled} → RUNNING when an
 * older deploy of the five read is still {@code live}, else FAILED; no deploy → UNKNOWN. After a
 * resume Paastis asked for, only the deploys newer than the one newest at the resume count (that
 * one may still read {@code live}, or failed long ago): none yet → STARTING ({@code
 * PendingResumes}).
 *
 * <h2>Calls</h2>
 *
 * <ul>
 *   <li>A tick: the listing, one call per 100 web services, plus one deploys call per service not
 *       suspended that was last seen otherwise (resumed, starting, failed). A service that stays
 *       running or suspended costs nothing more.
 *   <li>A wake: {@code status} (1 call: the service by name; suspended, so no deploys), {@code
 *       start} (2: the newest deploys, then resume), then readiness: each status poll 2 calls (the
 *       service, its deploys), at most one poll a second.
 *   <li>A stop: one suspend (plus a lookup by name when the service was never listed).
 * </ul>
 *
 * <h2>What Render's edge answers for a service that cannot serve</h2>
 *
 * What readiness relies on ({@link dev.paastis.provider.RouterPages}). Not in Render's docs; seen
 * in answers quoted by many public repositories' notes and logs (found with the code search):
 *
 * <ul>
 *   <li>Render's edge marks its own answers with {@code x-render-routing}: {@code suspend} or
 *       {@code suspend-by-user} (503, HTML "Service Suspended"), {@code no-server} (404 "Not
 *       Found": nothing serves the host, e.g. a deploy not live), {@code hibernate-wake-error} and
 *       {@code dynamic-hibernate-error-503} (503), {@code hibernate-rate-limited} (429), {@code
 *       dynamic-paid-error} and {@code dynamic-free-error} (502).
 *   <li>Answers of the service itself carry {@code x-render-origin-server} (the app's {@code
 *       Server} header, or {@code Render}) and no {@code x-render-routing}.
 *   <li>A 2020 incident report (status.render.com) says the suspension page "was incorrectly served
 *       with a 200 response code", so the status alone is not to be trusted.
 * </ul>
 *
 * Hence any answer with {@code x-render-routing} is the platform's, whatever its status; without
 * it, 502, 503 and 504 are still a gateway's ({@link
 * dev.paastis.provider.RouterPages#GATEWAY_ERRORS}), for a custom domain behind another proxy.
 */
package dev.paastis.provider.render;
