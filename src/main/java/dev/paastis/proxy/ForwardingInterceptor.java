package dev.paastis.proxy;

import io.vertx.core.Future;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import java.net.URI;

/** Applies {@link ForwardedHeaders} to proxied requests and strips hop-by-hop response headers. */
final class ForwardingInterceptor implements ProxyInterceptor {

  private final URI upstream;

  ForwardingInterceptor(URI upstream) {
    this.upstream = upstream;
  }

  @Override
  public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
    ForwardedHeaders.stripHopByHop(context.request().headers());
    ForwardedHeaders.apply(
        context.request().headers(), context.request().proxiedRequest(), upstream);
    return context.sendRequest();
  }

  @Override
  public Future<Void> handleProxyResponse(ProxyContext context) {
    ForwardedHeaders.stripHopByHop(context.response().headers());
    return context.sendResponse();
  }
}
