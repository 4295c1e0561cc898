package dev.paastis.internal.proxy;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;

/** Tells browsers (a GET that accepts HTML) from API clients. */
final class Browsers {

  private Browsers() {}

  static boolean isBrowser(HttpServerRequest request) {
    return request.method() == HttpMethod.GET && acceptsHtml(request.getHeader("accept"));
  }

  /** {@code accept} is the request's Accept header, null when absent. */
  static boolean acceptsHtml(String accept) {
    return accept != null && accept.contains("text/html");
  }
}
