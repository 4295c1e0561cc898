package dev.paastis.internal.proxy;

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
  private final UpstreamPool.Endpoint endpoint;
  private final String hostHeader;

  UpstreamOrigin(URI upstream) {
    this.upstream = upstream;
    this.ssl = "https".equalsIgnoreCase(upstream.getScheme());
    this.port = upstream.getPort() > 0 ? upstream.getPort() : (ssl ? 443 : 80);
    String path = upstream.getRawPath() == null ? "" : upstream.getRawPath();
    this.pathPrefix = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    String host = upstream.getHost();
    // an IPv6 literal comes bracketed; sockets want it bare
    String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    this.endpoint = new UpstreamPool.Endpoint(bare, port, ssl);
    boolean defaultPort = port == (ssl ? 443 : 80);
    // as the Vert.x client writes it: the port only when it is not the scheme's
    this.hostHeader = defaultPort ? upstream.getHost() : upstream.getHost() + ":" + port;
  }

  /** Where the connections go, the key of {@link UpstreamPool}. */
  UpstreamPool.Endpoint endpoint() {
    return endpoint;
  }

  /** The Host header the upstream gets. */
  String hostHeader() {
    return hostHeader;
  }

  URI upstream() {
    return upstream;
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
