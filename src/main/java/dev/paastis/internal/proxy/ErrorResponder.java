package dev.paastis.internal.proxy;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * Writes a {@link ProxyError}: a small HTML page for browsers, {@code application/problem+json}
 * (RFC 9457) for everyone else. {@link #contentType} and {@link #body} are the one rendering of
 * both, which {@link DirectErrors} writes on the Netty path.
 */
final class ErrorResponder {

  private ErrorResponder() {}

  static void send(HttpServerRequest request, ProxyError error) {
    HttpServerResponse response = request.response();
    if (response.ended() || response.closed()) {
      return;
    }
    request.resume(); // drain a body nobody will read, so the connection can be reused
    response.setStatusCode(error.status()).putHeader("cache-control", "no-store");
    error
        .retryAfterSeconds()
        .ifPresent(seconds -> response.putHeader("retry-after", Integer.toString(seconds)));
    boolean html = Browsers.acceptsHtml(request.getHeader("accept"));
    response.putHeader("content-type", contentType(html)).end(body(error, html));
  }

  static String contentType(boolean html) {
    return html ? "text/html; charset=utf-8" : "application/problem+json";
  }

  static String body(ProxyError error, boolean html) {
    if (html) {
      return Html.page(
          error.title(),
          "<h1>" + Html.escape(error.title()) + "</h1>",
          "<p>" + Html.escape(error.detail()) + "</p>",
          "");
    }
    return error.problem().encode();
  }
}
