package dev.paastis.proxy;

import io.vertx.core.http.RequestOptions;
import java.net.URI;

/**
 * Opens the request to an app's upstream URL: its host becomes the Host header, TLS when the scheme
 * is https, and a path in the URL (other than /) is put before the request path.
 */
final class UpstreamOrigin {

  private final URI upstream;
  private final boolean ssl;
  private final int port;
  private final String pathPrefix;

  UpstreamOrigin(URI upstream) {
    this.upstream = upstream;
    this.ssl = "https".equalsIgnoreCase(upstream.getScheme());
    this.port = upstream.getPort() > 0 ? upstream.getPort() : (ssl ? 443 : 80);
    String path = upstream.getRawPath() == null ? "" : upstream.getRawPath();
    this.pathPrefix = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  RequestOptions options() {
    return new RequestOptions().setHost(upstream.getHost()).setPort(port).setSsl(ssl);
  }

  int port() {
    return port;
  }

  boolean ssl() {
    return ssl;
  }

  /** The request URI on the upstream for an incoming one. */
  String uri(String incoming) {
    return pathPrefix.isEmpty() ? incoming : pathPrefix + incoming;
  }
}
