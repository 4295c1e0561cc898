package dev.paastis.internal.admin;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** Lets a request through only with {@code Authorization: Bearer <the admin token>}; else 401. */
final class BearerAuth implements Handler<RoutingContext> {

  private static final String SCHEME = "bearer ";

  private final ApiToken token;

  BearerAuth(ApiToken token) {
    this.token = token;
  }

  @Override
  public void handle(RoutingContext context) {
    String header = context.request().getHeader("authorization");
    boolean bearer = header != null && header.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
    if (bearer && token.matches(header.substring(SCHEME.length()).trim())) {
      context.next();
      return;
    }
    context.response().putHeader("www-authenticate", "Bearer realm=\"paastis\"");
    new Problem(
            401,
            bearer
                ? "the bearer token is not the admin API token"
                : "missing Authorization: Bearer <ADMIN_API_TOKEN>")
        .send(context.response());
  }
}
