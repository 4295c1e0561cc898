package dev.paastis.provider;

import io.vertx.core.MultiMap;

/**
 * A provider whose platform puts a router in front of its apps says which answers at an app's web
 * URL are the router's own pages (an app stopped, booting, crashed) rather than the app's. Checked
 * with {@code instanceof}; a provider without it gets {@link #GATEWAY_ERRORS}.
 */
public interface RouterPages {

  /**
   * 502, 503 and 504 are a gateway's answers, whoever sends them: not the app serving. Every other
   * answer is the app's.
   */
  RouterPages GATEWAY_ERRORS =
      (status, headers) -> isGatewayError(status) ? AnswerOrigin.PLATFORM : AnswerOrigin.APP;

  /**
   * Who answered with this status and these headers (the body is not read: the check asks with
   * {@code HEAD}). Must not block: it runs on an event loop.
   */
  AnswerOrigin originOf(int status, MultiMap headers);

  static boolean isGatewayError(int status) {
    return status == 502 || status == 503 || status == 504;
  }
}
